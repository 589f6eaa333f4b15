using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;

namespace GeneratedBus;

/// <summary>
/// Counts the listener calls of one writer (a queue's dispatch thread, or one thread posting to a synchronous bus)
/// with one increment per event instead of one per listener: every listener of a snapshot gets every event delivered
/// with it (a failure is caught and the next listener called), so the events counted against a snapshot are the calls
/// of each of its listeners. When the writer moves to another snapshot it credits the count to the snapshot's timers.
/// </summary>
/// <remarks>
/// The tally keeps the snapshot's <see cref="ListenerSnapshot{TListener}.Timers"/> array, not its listeners, so a
/// listener since removed is not kept alive by a writer that has not delivered since.
/// Readers (<see cref="AddPending"/>) run on other threads: a version, odd while the writer credits and switches,
/// lets them read the snapshot and its count as one pair.
/// </remarks>
internal class CallTally
{
    private ListenerTimer[] _timers = [];
    private long _count;
    private int _version;

    /// <summary>Writer only: counts an event about to be delivered to every listener of <paramref name="timers"/>' snapshot.</summary>
    /// <param name="timers">The snapshot's <see cref="ListenerSnapshot{TListener}.Timers"/>, which identifies it.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Count(ListenerTimer[] timers)
    {
        if (!ReferenceEquals(timers, _timers))
        {
            MoveTo(timers);
        }

        // Single writer: read-then-write loses nothing; the release write publishes the count to readers.
        Volatile.Write(ref _count, _count + 1);
    }

    /// <summary>Adds, per timer, the calls counted here and not yet credited to it.</summary>
    public void AddPending(Dictionary<ListenerTimer, long> pending)
    {
        var spin = default(SpinWait);
        while (true)
        {
            // Acquire reads: the pair is read after the first version read and before the second.
            int version = Volatile.Read(ref _version);
            ListenerTimer[] timers = Volatile.Read(ref _timers);
            long count = Volatile.Read(ref _count);
            if ((version & 1) == 0 && Volatile.Read(ref _version) == version)
            {
                if (count > 0)
                {
                    foreach (ListenerTimer timer in timers)
                    {
                        pending[timer] = pending.GetValueOrDefault(timer) + count;
                    }
                }

                return;
            }

            // The writer is between the two version writes: a few instructions, no call out, no wait.
            spin.SpinOnce(sleep1Threshold: -1);
        }
    }

    /// <summary>Credits the count to the old snapshot's timers and starts counting for <paramref name="timers"/>.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void MoveTo(ListenerTimer[] timers)
    {
        // Full fences: a reader that sees the old version read none of the writes between the two increments.
        Interlocked.Increment(ref _version);
        long count = _count;
        foreach (ListenerTimer timer in _timers)
        {
            timer.AddCalls(count);
        }

        Volatile.Write(ref _timers, timers);
        Volatile.Write(ref _count, 0);
        Interlocked.Increment(ref _version);
    }
}
