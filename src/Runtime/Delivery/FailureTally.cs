using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;

namespace GeneratedBus;

/// <summary>
/// Listener failures by kind (listener type and exception type), so that a listener that throws on every event is
/// logged like a full queue's drops: the first failure of each kind in full, with its stack trace, and the later ones
/// counted and summarised (<see cref="Log.ListenerFailureSummary"/>) at most once per
/// <see cref="BusOptions.DropReportInterval"/>, and at Stop. Thread-safe: the synchronous bus fails on any thread.
/// </summary>
internal sealed class FailureTally
{
    private readonly ConcurrentDictionary<(Type Listener, Type Exception), Kind> _kinds = new();
    private readonly object _summaryLock = new();

    // The time the last summary was taken (or the tally made), as UTC ticks: read lock-free by Due.
    private long _since;

    public FailureTally(DateTimeOffset now)
    {
        _since = now.UtcTicks;
    }

    /// <summary>Counts a failure.</summary>
    /// <returns>True for the first of its kind, which the caller logs in full; later ones wait for a summary.</returns>
    public bool Count(Type listener, Type exception)
    {
        if (_kinds.TryGetValue((listener, exception), out Kind? kind))
        {
            Interlocked.Increment(ref kind.Pending);
            return false;
        }

        // Two first failures racing: one adds and logs, the other counts.
        Kind added = _kinds.GetOrAdd((listener, exception), static _ => new Kind());
        if (Interlocked.Exchange(ref added.Logged, 1) == 0)
        {
            return true;
        }

        Interlocked.Increment(ref added.Pending);
        return false;
    }

    /// <summary>Whether a summary is due: <paramref name="interval"/> has passed since the last one.</summary>
    public bool Due(DateTimeOffset now, TimeSpan interval) =>
        interval != Timeout.InfiniteTimeSpan && now.UtcTicks - Volatile.Read(ref _since) >= interval.Ticks;

    /// <summary>Takes the failures counted since the last summary, each kind's count reset to zero.</summary>
    /// <returns>The kinds with failures, and since when they count; empty when there were none.</returns>
    public (List<(Type Listener, Type Exception, long Count)> Kinds, DateTimeOffset Since) Take(DateTimeOffset now)
    {
        var taken = new List<(Type, Type, long)>();
        DateTimeOffset since;
        lock (_summaryLock)
        {
            foreach (KeyValuePair<(Type Listener, Type Exception), Kind> pair in _kinds)
            {
                long count = Interlocked.Exchange(ref pair.Value.Pending, 0);
                if (count > 0)
                {
                    taken.Add((pair.Key.Listener, pair.Key.Exception, count));
                }
            }

            since = new DateTimeOffset(Volatile.Read(ref _since), TimeSpan.Zero);
            if (taken.Count > 0)
            {
                // Like the drop report: "since" is the last summary, not the last quiet check.
                Volatile.Write(ref _since, now.UtcTicks);
            }
        }

        return (taken, since);
    }

    /// <summary>One kind's counters.</summary>
    private sealed class Kind
    {
        /// <summary>1 once its first failure was handed out to be logged in full.</summary>
        public int Logged;

        /// <summary>Failures since that one, or since the last summary.</summary>
        public long Pending;
    }
}
