namespace SparkScheduler.Listeners.Liveness;

/// <summary>What the liveness loop receives.</summary>
internal enum LivenessMessageKind
{
    /// <summary>An executor registered or sent a heartbeat.</summary>
    Seen,

    /// <summary>The driver removed an executor.</summary>
    Removed,

    /// <summary>The periodic expiry check; <see cref="LivenessMessage.Time"/> is the clock's time when it fired.</summary>
    Check,

    /// <summary>The application ended: checks still waiting are judged now.</summary>
    ApplicationEnded,
}

/// <summary>One message to the liveness loop.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Time">When, in epoch milliseconds.</param>
/// <param name="ExecutorId">The executor, or null for a check or the end.</param>
internal sealed record LivenessMessage(LivenessMessageKind Kind, long Time, string? ExecutorId = null);

/// <summary>An executor the liveness listener expired.</summary>
/// <param name="ExecutorId">Its id.</param>
/// <param name="LastSeen">Its last heartbeat (or registration), in epoch milliseconds.</param>
/// <param name="ExpiredAt">The check that expired it.</param>
internal sealed record ExpiredExecutor(string ExecutorId, long LastSeen, long ExpiredAt);
