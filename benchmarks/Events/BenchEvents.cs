using GeneratedBus;

namespace GeneratedBus.Benchmarks.Events;

/// <summary>The root of the eight-event bus most scenarios post to (generated: IBenchListener, BenchDispatcher, BenchBus).</summary>
public abstract record BenchEvent;

[BusEvent] public sealed record JobSubmitted(int Id) : BenchEvent;
[BusEvent] public sealed record JobStarted(int Id) : BenchEvent;
[BusEvent] public sealed record TaskEnded(int Id) : BenchEvent;
[BusEvent] public sealed record StageCompleted(int Id) : BenchEvent;
[BusEvent] public sealed record JobEnded(int Id) : BenchEvent;
[BusEvent] public sealed record ExecutorAdded(int Id) : BenchEvent;
[BusEvent] public sealed record ExecutorRemoved(int Id) : BenchEvent;
[BusEvent] public sealed record BlockUpdated(int Id) : BenchEvent;
