using System;
using System.Runtime.InteropServices;
using System.Threading;

namespace GeneratedBus;

/// <summary>
/// A queue's counters, and the consistent snapshot of them that <see cref="QueueStats"/> reports.
/// </summary>
/// <remarks>
/// Everything derives from a few counters, so no hot path counts twice: <c>Posted = tail + dropped</c>,
/// <c>Size = tail - head</c>, <c>in-flight = head - processed - abandoned</c> (0 or 1) and
/// <c>Dropped = dropped + abandoned</c> (refused when full, or left over when an abandoned queue exits), hence at
/// every moment <c>Posted = Processed + Dropped + Size + in-flight</c>, and after the thread ends
/// <c>Posted = Processed + Dropped</c>. Head and tail are the ring's; producers count drops in cells of their own (no
/// locked instruction on the drop path); the dispatch thread alone writes processed and abandoned.
/// </remarks>
internal sealed class QueueAccounting<TEvent>
    where TEvent : class
{
    // Tries at an exact snapshot before settling for a bounded one (see Snapshot); callers may hold the bus lock.
    private const int ConsistentReadTries = 64;

    private readonly BoundedRing<TEvent> _ring;
    private readonly WaitingProducers? _waiting;
    private readonly ThreadCounter _dropped = new();
    private readonly ThreadCounter _skipped = new();
    private ConsumerCounts _consumer;
    private int _firstDropSeen;

    /// <param name="ring">The queue's ring: its head and tail are the counts of taken and accepted events.</param>
    /// <param name="waiting">A Wait queue's waiting producers, whose given-up events count as dropped; else null.</param>
    public QueueAccounting(BoundedRing<TEvent> ring, WaitingProducers? waiting = null)
    {
        _ring = ring;
        _waiting = waiting;
    }

    /// <summary>
    /// Events refused because the queue was full, so far: at the offer, or after a wait for room that ended without
    /// it (Stop, cancellation, interrupt). An event still waiting is in no count yet.
    /// </summary>
    public long Refused => _dropped.Sum() + (_waiting?.Dropped ?? 0);

    /// <summary>Test seam: holding it stops a thread's first counted drop on this queue just before it is counted.</summary>
    internal object RefusedCounterGate => _dropped.GrowGate;

    /// <summary>Events counted processed (the dispatch thread's own view; others read it with acquire).</summary>
    public long Processed => Volatile.Read(ref _consumer.Processed);

    /// <summary>Events an abandoned queue counted as dropped instead of delivering.</summary>
    public long Abandoned => Volatile.Read(ref _consumer.Abandoned);

    /// <summary>Producer: counts an event the full ring refused.</summary>
    /// <param name="thread">The producer's <see cref="ThreadNumbers.Current"/>.</param>
    /// <returns>True exactly once, for the queue's first drop, so that it is logged.</returns>
    public bool CountRefused(int thread)
    {
        // The queue's first drop is always some number's first increment of this counter, so the flag is touched only
        // on that rare path, never on the drop path's common case; the exchange picks one of racing first drops.
        return _dropped.Increment(thread) && Interlocked.Exchange(ref _firstDropSeen, 1) == 0;
    }

    /// <summary>
    /// Producer: counts an event the full ring refused, leaving the queue's first-drop log to the caller (a dispatch
    /// thread's drop on a Wait queue has a log of its own).
    /// </summary>
    /// <param name="thread">The producer's <see cref="ThreadNumbers.Current"/>.</param>
    public void CountRefusedUnlogged(int thread) => _dropped.Increment(thread);

    /// <summary>Producer: counts an event of a kind no listener of the queue handles, which it never took.</summary>
    /// <param name="thread">The producer's <see cref="ThreadNumbers.Current"/>.</param>
    public void CountSkipped(int thread) => _skipped.Increment(thread);

    /// <summary>Events skipped because no listener of the queue handles their kind.</summary>
    public long Skipped => _skipped.Sum();

    /// <summary>Dispatch thread: an event reached every listener.</summary>
    public void CountProcessed() =>
        Volatile.Write(ref _consumer.Processed, _consumer.Processed + 1);

    /// <summary>Dispatch thread, queue abandoned: an event is counted dropped instead of delivered.</summary>
    public void CountAbandoned() =>
        Volatile.Write(ref _consumer.Abandoned, _consumer.Abandoned + 1);

    /// <summary>A consistent snapshot; <paramref name="inFlight"/> is the event being delivered (0 or 1).</summary>
    public QueueStats Snapshot(string name, out long inFlight)
    {
        long head, processed, abandoned, tail;
        var spin = default(SpinWait);
        for (int tries = 0; ; tries++)
        {
            // Every read sits between two reads of the same head. The consumer advances head before it counts the
            // event processed or abandoned, so head - processed - abandoned is the single event in flight, or 0.
            // A producer claims position t only once it has seen head > t - capacity, and head did not move during
            // the tail read, so tail - head <= capacity (read after the window, head may have moved on and the size
            // would be overstated).
            head = _ring.Head;
            processed = Processed;
            abandoned = Abandoned;
            tail = _ring.Tail;
            if (_ring.Head == head)
            {
                break;
            }

            if (tries == ConsistentReadTries)
            {
                // A consumer that never pauses (a fast listener on a full queue) can move head within every window,
                // and callers may hold the bus lock: settle for a bounded snapshot. Head and tail are read after the
                // counters, in that order, as Settle requires.
                long headAfter = _ring.Head;
                (head, tail) = Settle(processed, abandoned, headAfter, _ring.Tail, _ring.Capacity);
                break;
            }

            spin.SpinOnce(sleep1Threshold: -1);
        }

        long dropped = Refused;
        inFlight = head - processed - abandoned;
        Invariant.Holds(inFlight is 0 or 1, "a queue has at most one event in flight");
        Invariant.Holds(tail - head >= 0 && tail - head <= _ring.Capacity, "a queue's size is within its capacity");
        return new QueueStats(name, _ring.Capacity, (int)(tail - head), tail + dropped, processed, dropped + abandoned) { Skipped = Skipped };
    }

    /// <summary>
    /// A snapshot of a moment just past from reads that did not share one window: <paramref name="processed"/> and
    /// <paramref name="abandoned"/> first, then <paramref name="headAfter"/>, then <paramref name="tailAfter"/>.
    /// Head read after the counters is at least their sum (the consumer advances head first), so capping it one past
    /// the sum leaves 0 or 1 in flight; the size is capped at the capacity it can never exceed, and the posted count
    /// derived from the result (head + size) is at most the real one, so the balance still holds.
    /// </summary>
    internal static (long Head, long Tail) Settle(long processed, long abandoned, long headAfter, long tailAfter, int capacity)
    {
        long head = Math.Min(headAfter, processed + abandoned + 1);
        return (head, head + Math.Min(tailAfter - head, capacity));
    }
}

/// <summary>
/// The dispatch thread's two counters in a 256-byte block of their own, so a line producers read or write is never one
/// the consumer writes per event. Not nested: generic types cannot have explicit layout.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 256)]
internal struct ConsumerCounts
{
    [FieldOffset(128)]
    public long Processed;

    [FieldOffset(136)]
    public long Abandoned;
}
