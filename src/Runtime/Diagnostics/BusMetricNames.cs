namespace GeneratedBus;

/// <summary>
/// The names of the <see cref="System.Diagnostics.Metrics.Meter"/> and instruments the runtime publishes, for
/// <c>dotnet-counters monitor --counters GeneratedBus</c> or an OpenTelemetry <c>AddMeter("GeneratedBus")</c>.
/// </summary>
public static class BusMetricNames
{
    /// <summary>The meter every instrument belongs to.</summary>
    public const string Meter = "GeneratedBus";

    /// <summary>Tag: the bus name (<see cref="BusOptions.Name"/>, or the bus's type name).</summary>
    public const string BusTag = "bus";

    /// <summary>Tag: the queue name.</summary>
    public const string QueueTag = "queue";

    /// <summary>Tag: the listener's full type name.</summary>
    public const string ListenerTag = "listener";

    /// <summary>Observable counter (events) per <see cref="BusTag"/>: events the bus accepted from <c>Post</c>.</summary>
    public const string EventsPosted = "generatedbus.events.posted";

    /// <summary>Observable counter (events) per bus and <see cref="QueueTag"/>: events the queue dropped.</summary>
    public const string QueueDropped = "generatedbus.queue.dropped";

    /// <summary>Observable gauge (events) per bus and queue: events waiting in the queue.</summary>
    public const string QueueSize = "generatedbus.queue.size";

    /// <summary>Histogram (seconds) per bus and queue: time to deliver one event to every listener of the queue.</summary>
    public const string QueueProcessingTime = "generatedbus.queue.processing_time";

    /// <summary>Histogram (seconds) per bus, queue and <see cref="ListenerTag"/>: time of one listener call.</summary>
    public const string ListenerDuration = "generatedbus.listener.duration";

    /// <summary>
    /// Counter (waits) per bus and queue: how often a producer found a <see cref="QueueFullMode.Wait"/> queue full
    /// and waited for room. Counted when the wait begins, so a producer stuck behind a hung listener shows up.
    /// </summary>
    public const string ProducerWaits = "generatedbus.queue.producer.waits";

    /// <summary>
    /// Histogram (seconds) per bus and queue: how long one such wait lasted, until the queue took the event or it was
    /// dropped (<c>Stop</c>, cancellation).
    /// </summary>
    public const string ProducerWaitDuration = "generatedbus.queue.producer.wait.duration";
}
