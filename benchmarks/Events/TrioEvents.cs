using GeneratedBus;

namespace GeneratedBus.Benchmarks.Events;

/// <summary>The root of a three-event bus, the small case of per-listener dispatch (generated: ITrioListener, TrioListener, TrioDispatcher, TrioBus).</summary>
public abstract record TrioEvent;

[BusEvent] public sealed record TrioStarted(int Id) : TrioEvent;
[BusEvent] public sealed record TrioProgressed(int Id) : TrioEvent;
[BusEvent] public sealed record TrioFinished(int Id) : TrioEvent;
