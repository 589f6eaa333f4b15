using System;
using System.Collections.Generic;
using System.Threading;
using SparkScheduler.Events;

namespace SparkScheduler.Listeners.Liveness;

/// <summary>
/// Spark's HeartbeatReceiver as a listener on the <c>executorManagement</c> queue: it hands registrations, heartbeats
/// and removals to an <see cref="GeneratedBus.EventLoop{TEvent}"/>, and a timer of the given
/// <see cref="TimeProvider"/> asks that loop every half timeout to expire executors whose heartbeats stopped.
/// </summary>
/// <remarks>
/// With <see cref="TimeProvider.System"/> it runs on wall-clock time; the simulation passes its own clock, so the
/// checks fire at simulated times and a run's expiries are the same every time.
/// </remarks>
internal sealed class ExecutorLivenessListener : SparkListener, IDisposable
{
    private readonly LivenessLoop _loop;
    private readonly ITimer _checkTimer;

    /// <summary>Starts the loop and the periodic check; the first check comes one interval after now.</summary>
    public ExecutorLivenessListener(TimeProvider clock, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(clock);
        _loop = new LivenessLoop(timeout);
        _loop.Start();
        TimeSpan interval = ExpiryRule.CheckInterval(timeout);
        FirstCheckMs = (clock.GetUtcNow() + interval).ToUnixTimeMilliseconds();
        _checkTimer = clock.CreateTimer(
            _ => _loop.Post(new LivenessMessage(LivenessMessageKind.Check, clock.GetUtcNow().ToUnixTimeMilliseconds())),
            state: null,
            dueTime: interval,
            period: interval);
    }

    /// <summary>When the first expiry check fires, in epoch milliseconds of the clock; later ones follow every interval.</summary>
    public long FirstCheckMs { get; }

    /// <summary>Executors expired, in order. Read it after <see cref="Dispose"/>.</summary>
    public IReadOnlyList<ExpiredExecutor> Expired => _loop.Expired;

    /// <summary>Executors still tracked at the end. Read it after <see cref="Dispose"/>.</summary>
    public int Tracked => _loop.Tracked;

    /// <summary>Expiry checks judged. Read it after <see cref="Dispose"/>.</summary>
    public long ChecksRun => _loop.ChecksRun;

    /// <summary>Messages the loop failed to handle; each one may have left an executor's state wrong. Read it after <see cref="Dispose"/>.</summary>
    public long Failures => _loop.Failures;

    /// <summary>The first few of those failures' exceptions. Read it after <see cref="Dispose"/>.</summary>
    public IReadOnlyList<Exception> FirstErrors => _loop.FirstErrors;

    public override void OnExecutorAdded(ExecutorAdded e) => Seen(e.ExecutorId, e.Time);

    public override void OnExecutorMetricsUpdate(ExecutorMetricsUpdate e) => Seen(e.ExecutorId, e.Time);

    public override void OnExecutorRemoved(ExecutorRemoved e) =>
        _loop.Post(new LivenessMessage(LivenessMessageKind.Removed, e.Time, e.ExecutorId));

    public override void OnApplicationEnd(ApplicationEnd e) =>
        _loop.Post(new LivenessMessage(LivenessMessageKind.ApplicationEnded, e.Time));

    /// <summary>Stops the check timer, then the loop once it has received everything posted to it.</summary>
    public void Dispose()
    {
        _checkTimer.Dispose();
        _loop.Stop();
    }

    private void Seen(string executorId, long time) =>
        _loop.Post(new LivenessMessage(LivenessMessageKind.Seen, time, executorId));
}
