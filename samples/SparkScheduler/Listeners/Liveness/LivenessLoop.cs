using System;
using System.Collections.Generic;
using System.Threading;
using GeneratedBus;

namespace SparkScheduler.Listeners.Liveness;

/// <summary>
/// The liveness state and its one thread: last-seen times per executor, and the expiry checks. All state is touched
/// only on the loop's thread, as in Spark's HeartbeatReceiver, so it needs no lock.
/// </summary>
/// <remarks>
/// A check fired at time T is judged once the loop has seen an event later than T (or the application's end). The
/// bus delivers events in posting order, so by then every heartbeat up to T has arrived: a queue that lags behind the
/// clock never expires a live executor, and the verdicts depend only on the events, not on thread timing.
/// </remarks>
internal sealed class LivenessLoop(TimeSpan timeout) : EventLoop<LivenessMessage>("executor-liveness")
{
    private readonly Dictionary<string, long> _lastSeen = new(StringComparer.Ordinal);
    private readonly Queue<long> _pendingChecks = new();
    private readonly List<ExpiredExecutor> _expired = [];
    private readonly List<Exception> _firstErrors = [];
    private long _failures;

    /// <summary>Executors expired so far, in expiry order. Read it after <see cref="EventLoop{TEvent}.Stop"/>.</summary>
    public IReadOnlyList<ExpiredExecutor> Expired => _expired;

    /// <summary>Executors still tracked. Read it after <see cref="EventLoop{TEvent}.Stop"/>.</summary>
    public int Tracked => _lastSeen.Count;

    /// <summary>Checks judged. Read it after <see cref="EventLoop{TEvent}.Stop"/>.</summary>
    public long ChecksRun { get; private set; }

    /// <summary>How many exceptions <see cref="FirstErrors"/> keeps; the rest are only counted.</summary>
    public const int ErrorsKept = 3;

    /// <summary>Messages that made <see cref="OnReceive"/> throw.</summary>
    public long Failures => Interlocked.Read(ref _failures);

    /// <summary>The first <see cref="ErrorsKept"/> exceptions, in order. Read it after <see cref="EventLoop{TEvent}.Stop"/>.</summary>
    public IReadOnlyList<Exception> FirstErrors => _firstErrors;

    protected override void OnReceive(LivenessMessage e)
    {
        if (e.Kind == LivenessMessageKind.Check)
        {
            _pendingChecks.Enqueue(e.Time);
            return;
        }

        JudgeChecksBefore(e.Kind == LivenessMessageKind.ApplicationEnded ? long.MaxValue : e.Time);
        switch (e.Kind)
        {
            case LivenessMessageKind.Seen:
                _lastSeen[e.ExecutorId!] = e.Time;
                break;
            case LivenessMessageKind.Removed:
                _lastSeen.Remove(e.ExecutorId!);
                break;
        }
    }

    // A message that throws is lost to the liveness state, so it is counted and its exception kept for the report.
    protected override void OnError(Exception exception)
    {
        if (Interlocked.Increment(ref _failures) <= ErrorsKept)
        {
            _firstErrors.Add(exception);
        }
    }

    private void JudgeChecksBefore(long time)
    {
        while (_pendingChecks.TryPeek(out long check) && check < time)
        {
            _pendingChecks.Dequeue();
            ChecksRun++;
            List<string>? expired = null;
            foreach ((string id, long lastSeen) in _lastSeen)
            {
                if (ExpiryRule.IsExpired(check, lastSeen, timeout))
                {
                    (expired ??= []).Add(id);
                }
            }

            // Ordinal order, so the verdicts read the same on every run.
            expired?.Sort(StringComparer.Ordinal);
            foreach (string id in expired ?? [])
            {
                _expired.Add(new ExpiredExecutor(id, _lastSeen[id], check));
                _lastSeen.Remove(id);
            }
        }
    }
}
