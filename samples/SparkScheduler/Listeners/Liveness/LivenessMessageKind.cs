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
