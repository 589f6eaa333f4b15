using System.Text.Json.Serialization;
using GeneratedBus;

namespace SparkScheduler.Events;

/// <summary>
/// The root of Spark's scheduler events. <c>[EventBus("Spark")]</c> names the generated types after Spark's own:
/// <c>ISparkListener</c>, <c>SparkListener</c> (every handler a no-op), <c>SparkFirehoseListener</c>, <c>SparkBus</c>
/// and <c>SparkJsonCodec</c>, which reads and writes Spark's own event-log lines (JsonProtocol's names).
/// </summary>
[EventBus("Spark")]
public abstract record SparkListenerEvent
{
    /// <summary>
    /// When it happened, in milliseconds since the Unix epoch (simulated time). Each event declares it, so it takes
    /// Spark's name where Spark logs one (<c>"Timestamp"</c>, <c>"Submission Time"</c>, …); 0 when a log omits it.
    /// </summary>
    [JsonIgnore]
    public abstract long Time { get; init; }
}
