using GeneratedBus;

namespace GeneratedBus.Benchmarks.Events.Spark;

/// <summary>
/// The root of a 22-event bus named after Spark's listener events, the large case of per-listener dispatch
/// (generated: ISparkListener, SparkListener, SparkDispatcher, SparkBus). A namespace of its own, since several names
/// are also events of the eight-event bus.
/// </summary>
public abstract record SparkEvent;

[BusEvent] public sealed record ApplicationStart(int Id) : SparkEvent;
[BusEvent] public sealed record ApplicationEnd(int Id) : SparkEvent;
[BusEvent] public sealed record JobStart(int Id) : SparkEvent;
[BusEvent] public sealed record JobEnd(int Id) : SparkEvent;
[BusEvent] public sealed record StageSubmitted(int Id) : SparkEvent;
[BusEvent] public sealed record StageCompleted(int Id) : SparkEvent;
[BusEvent] public sealed record TaskStart(int Id) : SparkEvent;
[BusEvent] public sealed record TaskGettingResult(int Id) : SparkEvent;
[BusEvent] public sealed record TaskEnd(int Id) : SparkEvent;
[BusEvent] public sealed record EnvironmentUpdate(int Id) : SparkEvent;
[BusEvent] public sealed record BlockManagerAdded(int Id) : SparkEvent;
[BusEvent] public sealed record BlockManagerRemoved(int Id) : SparkEvent;
[BusEvent] public sealed record UnpersistRdd(int Id) : SparkEvent;
[BusEvent] public sealed record ExecutorAdded(int Id) : SparkEvent;
[BusEvent] public sealed record ExecutorRemoved(int Id) : SparkEvent;
[BusEvent] public sealed record ExecutorExcluded(int Id) : SparkEvent;
[BusEvent] public sealed record ExecutorUnexcluded(int Id) : SparkEvent;
[BusEvent] public sealed record NodeExcluded(int Id) : SparkEvent;
[BusEvent] public sealed record NodeUnexcluded(int Id) : SparkEvent;
[BusEvent] public sealed record BlockUpdated(int Id) : SparkEvent;
[BusEvent] public sealed record ExecutorMetricsUpdate(int Id) : SparkEvent;
[BusEvent] public sealed record SpeculativeTaskSubmitted(int Id) : SparkEvent;
