using System;
using System.Collections.Generic;
using System.Threading;

namespace GeneratedBus;

/// <summary>
/// The counters of one listener type in one listener list: calls, failures, and the count, total and longest of the
/// calls that were timed, in clock ticks. Buses time only some calls of fast events (see <see cref="TimingSampler"/>):
/// every call is counted, and the total time is the timed calls' total scaled to all calls.
/// </summary>
/// <remarks>
/// Calls are not counted here one by one: a <see cref="CallTally"/> counts events per listener snapshot and credits
/// them here with <see cref="AddCalls"/> when its writer moves to another snapshot; a reader adds what tallies still
/// hold (<see cref="Read(ListenerTimer[], IReadOnlyList{CallTally?}, long)"/>).
/// In a queue the dispatch thread is the only writer, so it updates with plain read-modify-write and publishes with
/// <c>Volatile.Write</c>; readers use <c>Volatile.Read</c>. The synchronous bus may be posted to from several threads
/// at once, so it asks for <see cref="Interlocked"/> updates instead: they come only with failures, timed calls (one
/// post in hundreds) and snapshot changes, never per call.
/// </remarks>
internal sealed class ListenerTimer
{
    private readonly bool _concurrentWriters;
    private long _calls;
    private long _failures;
    private long _timedCalls;
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

    /// <summary>Credits <paramref name="calls"/> calls counted by a tally.</summary>
    public void AddCalls(long calls)
    {
        if (_concurrentWriters)
        {
            Interlocked.Add(ref _calls, calls);
        }
        else
        {
            // Single writer: no other thread writes this field, so read-then-write loses nothing.
            Volatile.Write(ref _calls, _calls + calls);
        }
    }

    /// <summary>Records a timed call of <paramref name="ticks"/> clock ticks (counted as a call by a tally).</summary>
    public void RecordTimed(long ticks)
    {
        if (_concurrentWriters)
        {
            RecordTimedShared(ticks);
            return;
        }

        Volatile.Write(ref _timedCalls, _timedCalls + 1);
        Volatile.Write(ref _totalTicks, _totalTicks + ticks);
        if (ticks > _maxTicks)
        {
            Volatile.Write(ref _maxTicks, ticks);
        }
    }

    /// <summary>Counts a failed call.</summary>
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

    /// <summary>
    /// The stats of <paramref name="timers"/>, with the calls <paramref name="tallies"/> still hold, converted to time
    /// with the clock's <paramref name="frequency"/>.
    /// </summary>
    /// <remarks>
    /// Timers are read before tallies: a tally that credits its calls between the two reads makes them missing from
    /// this read, never counted twice, so calls read are at most the calls made. Exact once deliveries have stopped.
    /// </remarks>
    public static ListenerStats[] Read(ListenerTimer[] timers, IReadOnlyList<CallTally?> tallies, long frequency)
    {
        var readings = new Reading[timers.Length];
        for (int i = 0; i < timers.Length; i++)
        {
            readings[i] = timers[i].Read();
        }

        // Timers do not override Equals: keyed by identity.
        var pending = new Dictionary<ListenerTimer, long>();
        foreach (CallTally? tally in tallies)
        {
            tally?.AddPending(pending);
        }

        var stats = new ListenerStats[timers.Length];
        for (int i = 0; i < timers.Length; i++)
        {
            stats[i] = readings[i].ToStats(timers[i].ListenerType, pending.GetValueOrDefault(timers[i]), frequency);
        }

        return stats;
    }

    /// <summary>Clock ticks to a <see cref="TimeSpan"/>, without overflow for any total.</summary>
    internal static TimeSpan TicksToTime(long ticks, long frequency) =>
        frequency == TimeSpan.TicksPerSecond
            ? TimeSpan.FromTicks(ticks)
            : TimeSpan.FromTicks((long)((Int128)ticks * TimeSpan.TicksPerSecond / frequency));

    private Reading Read()
    {
        // Timed calls first: calls are counted before they are timed, so the calls read after are at least as many
        // (unless a tally credits them meanwhile; see Read above), and the scale is rarely below 1.
        long timed = Volatile.Read(ref _timedCalls);
        long ticks = Volatile.Read(ref _totalTicks);
        return new Reading(timed, ticks, Volatile.Read(ref _maxTicks), Volatile.Read(ref _calls), Volatile.Read(ref _failures));
    }

    private void RecordTimedShared(long ticks)
    {
        Interlocked.Increment(ref _timedCalls);
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

    private readonly record struct Reading(long Timed, long Ticks, long MaxTicks, long Calls, long Failures)
    {
        public ListenerStats ToStats(Type type, long pendingCalls, long frequency)
        {
            long calls = Calls + pendingCalls;
            long total = Timed == 0 || Timed >= calls ? Ticks : (long)((Int128)Ticks * calls / Timed);
            return new(type, calls, Failures, TicksToTime(total, frequency), TicksToTime(MaxTicks, frequency));
        }
    }
}
