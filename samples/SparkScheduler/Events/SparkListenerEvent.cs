using GeneratedBus;

namespace SparkScheduler.Events;

/// <summary>
/// The root of Spark's scheduler events. <c>[EventBus("Spark")]</c> names the generated types after Spark's own:
/// <c>ISparkListener</c>, <c>SparkListener</c> (every handler a no-op), <c>SparkFirehoseListener</c> and <c>SparkBus</c>.
/// </summary>
/// <param name="Time">When it happened, in milliseconds since the Unix epoch (simulated time).</param>
[EventBus("Spark")]
public abstract record SparkListenerEvent(long Time);
