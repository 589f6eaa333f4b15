namespace SparkScheduler.Listeners.Liveness;

/// <summary>One message to the liveness loop.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Time">When, in epoch milliseconds.</param>
/// <param name="ExecutorId">The executor, or null for a check or the end.</param>
internal sealed record LivenessMessage(LivenessMessageKind Kind, long Time, string? ExecutorId = null);
