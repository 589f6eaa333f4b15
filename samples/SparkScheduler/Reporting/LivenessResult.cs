using System;
using System.Collections.Generic;
using SparkScheduler.Listeners.Liveness;

namespace SparkScheduler.Reporting;

/// <summary>What the executor-liveness listener concluded, read after it stopped.</summary>
/// <param name="Expired">Executors it expired, in order.</param>
/// <param name="Failures">Messages its loop failed to handle.</param>
/// <param name="FirstErrors">The first few of those failures' exceptions.</param>
internal sealed record LivenessResult(IReadOnlyList<ExpiredExecutor> Expired, long Failures, IReadOnlyList<Exception> FirstErrors)
{
    /// <summary>Reads the listener's results; call it after the listener is disposed.</summary>
    public static LivenessResult Of(ExecutorLivenessListener listener) =>
        new(listener.Expired, listener.Failures, listener.FirstErrors);
}
