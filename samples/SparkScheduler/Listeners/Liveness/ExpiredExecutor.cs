namespace SparkScheduler.Listeners.Liveness;

/// <summary>An executor the liveness listener expired.</summary>
/// <param name="ExecutorId">Its id.</param>
/// <param name="LastSeen">Its last heartbeat (or registration), in epoch milliseconds.</param>
/// <param name="ExpiredAt">The check that expired it.</param>
internal sealed record ExpiredExecutor(string ExecutorId, long LastSeen, long ExpiredAt);
