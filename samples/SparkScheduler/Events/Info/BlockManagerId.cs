using System.Text.Json.Serialization;

namespace SparkScheduler.Events.Info;

/// <summary>Where a block manager listens (Spark's <c>BlockManagerId</c>).</summary>
/// <param name="ExecutorId">The executor it belongs to, or "driver".</param>
/// <param name="Host">Its host.</param>
/// <param name="Port">Its port.</param>
public sealed record BlockManagerId(
    [property: JsonPropertyName("Executor ID")] string ExecutorId,
    [property: JsonPropertyName("Host")] string Host,
    [property: JsonPropertyName("Port")] int Port);
