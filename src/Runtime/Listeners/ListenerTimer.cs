using System;
using System.Diagnostics;
using System.Threading;

namespace GeneratedBus;

/// <summary>
/// The counters of one listener type in one listener list: calls, failures, and the total and longest of the calls
/// that were timed, in clock ticks. A queue times only some calls of fast events (see <see cref="TimingSampler"/>):
/// every call is counted, and the total time is the timed calls' total scaled to all calls.
/// </summary>
/// <remarks>
/// In a queue the dispatch thread is the only writer, so it updates with plain read-modify-write and publishes with
/// <c>Volatile.Write</c>; readers use <c>Volatile.Read</c>. The synchronous
/// bus may be posted to from several threads at once, so it asks for <see cref="Interlocked"/> updates instead.
/// </remarks>
internal sealed class ListenerTimer
{
    private readonly bool _concurrentWriters;
    private long _events;
    private long _failures;
    private long _timedEvents;
    private long _totalTicks;
    private long _maxTicks;

    public ListenerTimer(Type listenerType, bool concurrentWriters)
    {
        ListenerType = listenerType;
        ListenerTypeName = listenerType.FullName ?? listenerType.Name;
        _concurrentWriters = concurrentWriters;
    }

    public Type ListenerType { get; }

    /// <summary>The <c>listener</c> metric tag, computed once.</summary>
    public string ListenerTypeName { get; }

    /// <summary>Counts one call of <paramref name="ticks"/> clock ticks.</summary>
    public void Record(long ticks, bool failed)
    {
        if (_concurrentWriters)
        {
            RecordShared(ticks, failed);
            return;
        }

        // Single writer: no other thread writes these fields, so read-then-write loses nothing.
        CountCall(failed);
        Volatile.Write(ref _timedEvents, _timedEvents + 1);
        Volatile.Write(ref _totalTicks, _totalTicks + ticks);
        if (ticks > _maxTicks)
        {
            Volatile.Write(ref _maxTicks, ticks);
        }
    }

    /// <summary>Queue only (single writer), timers on: counts a call of an event the queue did not time.</summary>
    /// <remarks>Plain read-modify-write: not for a timer with concurrent writers (the synchronous bus times every call).</remarks>
    public void RecordUntimed(bool failed)
    {
        Debug.Assert(!_concurrentWriters, "RecordUntimed is for a queue's single writer.");
        CountCall(failed);
    }

    /// <summary>Counts a call and its failure; single writer only.</summary>
    private void CountCall(bool failed)
    {
        Volatile.Write(ref _events, _events + 1);
        if (failed)
        {
            Volatile.Write(ref _failures, _failures + 1);
        }
    }

    /// <summary>Counts a failed call that was not timed (timers off): only failures move.</summary>
    public void RecordFailure()
    {
        if (_concurrentWriters)
        {
            Interlocked.Increment(ref _failures);
        }
        else
        {
            Volatile.Write(ref _failures, _failures + 1);
        }
    }

    /// <summary>A snapshot converted to time with the clock's <paramref name="frequency"/>.</summary>
    public ListenerStats ToStats(long frequency)
    {
        // Timed calls first: the call count read after them is at least as large, so the scale is never below 1.
        long timed = Volatile.Read(ref _timedEvents);
        long ticks = Volatile.Read(ref _totalTicks);
        long events = Volatile.Read(ref _events);
        long total = timed == 0 || timed >= events ? ticks : (long)((Int128)ticks * events / timed);
        return new(
            ListenerType,
            events,
            Volatile.Read(ref _failures),
            TicksToTime(total, frequency),
            TicksToTime(Volatile.Read(ref _maxTicks), frequency));
    }

    /// <summary>Clock ticks to a <see cref="TimeSpan"/>, without overflow for any total.</summary>
    internal static TimeSpan TicksToTime(long ticks, long frequency) =>
        frequency == TimeSpan.TicksPerSecond
            ? TimeSpan.FromTicks(ticks)
            : TimeSpan.FromTicks((long)((Int128)ticks * TimeSpan.TicksPerSecond / frequency));

    private void RecordShared(long ticks, bool failed)
    {
        Interlocked.Increment(ref _events);
        Interlocked.Increment(ref _timedEvents);
        if (failed)
        {
            Interlocked.Increment(ref _failures);
        }

        Interlocked.Add(ref _totalTicks, ticks);
        long max = Volatile.Read(ref _maxTicks);
        while (ticks > max)
        {
            long seen = Interlocked.CompareExchange(ref _maxTicks, ticks, max);
            if (seen == max)
            {
                break;
            }

            max = seen;
        }
    }
}
