namespace SparkScheduler.Events.Info;

/// <summary>Where a block manager listens (Spark's <c>BlockManagerId</c>).</summary>
/// <param name="ExecutorId">The executor it belongs to, or "driver".</param>
/// <param name="Host">Its host.</param>
/// <param name="Port">Its port.</param>
public sealed record BlockManagerId(string ExecutorId, string Host, int Port);
