using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading;

namespace GeneratedBus;

/// <summary>
/// The producers waiting for room in one <see cref="QueueFullMode.Wait"/> queue. A producer whose offer came back full
/// calls <see cref="Wait{TOffer}"/> (blocking) or <see cref="WaitAsync{TOffer}"/>; the consumer calls
/// <see cref="OnFreed"/> after every batch it takes; the queue calls <see cref="ReleaseAll"/> once it is closed.
/// Every wait ends with the event placed (<see cref="EnqueueResult.Accepted"/>) or dropped and counted here, in
/// <see cref="Dropped"/>: the queue adds that to its own drops and counts nothing for a wait itself.
/// </summary>
/// <remarks>
/// <para><b>Cost.</b> A producer that finds the queue full retries for a short while, since the consumer frees slots as
/// it goes, and parks only then. While no producer is parked, <see cref="OnFreed"/> is one plain read of a flag on a
/// line of its own that nobody writes, so the consumer pays nothing per event and nearly nothing per batch. A producer
/// pays for parking: an interlocked write, a process-wide barrier (a few microseconds) and a lock.</para>
/// <para><b>No lost wake-up</b> (an asymmetric Dekker handshake). A producer P, after its offer came back full, does
/// P1 read the epoch, P2 set <c>announced</c> (interlocked), P3 <see cref="Interlocked.MemoryBarrierProcessWide"/>,
/// P4 offer again (reading the consumer's head), P5 under the gate, park only if the epoch is still the one read in
/// P1. The consumer C does, per batch, C1 advance head (plain release writes), C2 read <c>announced</c>; if set,
/// clear it (exchange), and under the gate bump the epoch and wake every parked producer. P3 makes C's core execute a
/// full fence at some instant T: whatever C wrote before T is visible to P4, and every C2 after T reads P2's flag.
/// So if P4 still found the queue full, either C freed nothing after T (there was no room to wait for; P parks
/// rightly), or C freed a slot after T and the C2 closing that batch sees the flag and wakes P. If another C2 cleared
/// the flag first, it bumped the epoch after P1 (it read P2's write or a later one), so P5 does not park or is woken by
/// it. The barrier sits on the producer's slow path so that the consumer's path needs no fence at all; the queue must
/// call <see cref="OnFreed"/> after every batch that moved head, before it idles.</para>
/// <para><b>Ending a park.</b> Parked producers sit in a list under the gate, each a <see cref="Waiter"/> whose state
/// says who ended its park: the consumer (woken: the producer takes itself off the list and retries), ReleaseAll
/// (released), its token (cancelled) or an interrupt. Whoever ends a park with a drop counts that drop under the gate
/// at once, so when <see cref="ReleaseAll"/> returns, every producer that was parked is counted without waiting for
/// its thread or its async continuation to run (which may need the very thread that called Stop). Producers not
/// parked are running: ReleaseAll waits the few instructions until each has seen the release and counted itself. A
/// wait that begins after the release never parks: it places its event if there is room, else drops and counts it
/// at once (Stop ends the waits before it lets the posts under way finish, and those must count what they drop).</para>
/// <para><b>Threads.</b> A dispatch thread never waits here (the queue drops instead; see
/// <see cref="ConsumerThread"/>): a listener that waited for room in a queue could wait for itself. The consumer's and
/// Stop's entries into the gate (<see cref="UninterruptibleLock"/>) absorb a pending
/// <see cref="ThreadInterruptedException"/> and leave it pending again afterwards, so a listener's self-interrupt keeps its documented effect on the dispatch thread. A blocking producer
/// that is interrupted while it waits gets the exception, with its event dropped and counted.</para>
/// </remarks>
internal sealed partial class WaitingProducers
{
    /// <summary>Retries before parking: about as long as the consumer's own idle spin, and a fraction of a park.</summary>
    internal const int DefaultSpins = 64;

    private const int NotReleased = 0;
    private const int Released = 1;

    // The pause between two retries: each retry reads the consumer's head line; retrying without pause would pull
    // that line away from the consumer on every event it takes.
    private const int SpinPause = 16;

    private readonly object _gate = new();
    private readonly int _spins;
    private readonly TimeProvider _time;
    private readonly KeyValuePair<string, object?> _busTag;
    private readonly KeyValuePair<string, object?> _queueTag;
    private readonly PostsUnderWay? _posts;

    // Read by the consumer on every batch: alone on its lines (see AnnouncedFlag).
    private AnnouncedFlag _announced;

    // Written under _gate only (Volatile.Write), read by producers before they announce themselves.
    private long _epoch;

    // Under _gate: parked and woken-but-unclaimed waiters, oldest first, and how many are parked.
    private Waiter? _first;
    private Waiter? _last;
    private int _parked;

    // NotReleased, then Released for good.
    private int _released;

    // Waits under way that are not on the list: ReleaseAll waits for them to end.
    private int _running;

    private long _dropped;
    private long _waits;
    private long _waitTicks;

    /// <param name="bus">The <c>bus</c> tag of the wait metrics.</param>
    /// <param name="queue">The <c>queue</c> tag of the wait metrics.</param>
    /// <param name="time">The clock of the wait durations.</param>
    /// <param name="spins">Retries before parking; default <see cref="DefaultSpins"/>, or none on one processor.</param>
    /// <param name="posts">
    /// The bus's posts, which count every asynchronous wait (see <see cref="WaitAsync{TOffer}"/>); null when the
    /// waits belong to no bus (tests).
    /// </param>
    public WaitingProducers(string bus, string queue, TimeProvider time, int? spins = null, PostsUnderWay? posts = null)
    {
        _time = time;
        _posts = posts;
        _spins = spins ?? (Environment.ProcessorCount == 1 ? 0 : DefaultSpins);
        _busTag = new KeyValuePair<string, object?>(BusMetricNames.BusTag, bus);
        _queueTag = new KeyValuePair<string, object?>(BusMetricNames.QueueTag, queue);
    }

    /// <summary>Events whose producers stopped waiting without placing them: released, cancelled, interrupted or closed out.</summary>
    public long Dropped => Volatile.Read(ref _dropped);

    /// <summary>How many waits began.</summary>
    public long Waits => Volatile.Read(ref _waits);

    /// <summary>The total time of the waits that ended.</summary>
    public TimeSpan WaitTime => TimeSpan.FromSeconds((double)Volatile.Read(ref _waitTicks) / _time.TimestampFrequency);

    /// <summary>
    /// Whether <see cref="ReleaseAll"/> was called: a wait under way ends at its next retry unless that is accepted,
    /// and a later wait ends at its first.
    /// </summary>
    public bool IsReleased => Volatile.Read(ref _released) != NotReleased;

    /// <summary>Producers parked now (for tests: to know a producer waits without guessing from thread states).</summary>
    internal int ParkedCount => Volatile.Read(ref _parked);

    /// <summary>Test seam: the gate, so a test can hold it and make the consumer's entry contended.</summary>
    internal object Gate => _gate;

    /// <summary>
    /// Consumer, after every batch that moved head: wakes the parked producers, if any. One plain read when none is
    /// parked. Never blocks for long, never throws a pending interrupt.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void OnFreed()
    {
        // C2 of the handshake: no fence needed here, the producer's process-wide barrier stands in for it.
        if (Volatile.Read(ref _announced.Value) != 0)
        {
            WakeParked();
        }
    }

    /// <summary>
    /// Ends every wait, now and later: parked producers are released with their events dropped and counted, running
    /// ones drop and count at their next retry (unless it is accepted). Returns once every wait under way has ended.
    /// A wait that begins later never parks: its first offer places the event or it is dropped and counted (so
    /// <see cref="Dropped"/> is final only once no producer posts any more: Stop waits for the posts under way).
    /// Never throws a pending interrupt. A second call only waits like the first.
    /// </summary>
    /// <returns>How many parked producers it released.</returns>
    public int ReleaseAll()
    {
        Interlocked.Exchange(ref _released, Released);
        int released = 0;
        using (UninterruptibleLock.Enter(_gate))
        {
            Volatile.Write(ref _epoch, _epoch + 1);
            while (_first is Waiter waiter)
            {
                ResolveLocked(waiter, Waiter.Released);
                released++;
            }

            Monitor.PulseAll(_gate);
        }

        // [_released = Released; read _running] against Begin's [_running++; read _released], both interlocked: a
        // wait is either seen here and waited for, or sees the release itself. Running producers see _released within
        // one retry (or find the queue closed) and count themselves before they leave; none of them waits for
        // anything, so this ends within their next few instructions.
        for (int i = 0; Volatile.Read(ref _running) != 0; i++)
        {
            if (i < 64)
            {
                Thread.SpinWait(20);
            }
            else
            {
                Thread.Yield();
            }
        }

        return released;
    }

    private static CancellationTokenRegistration RegisterCancel(Waiter waiter, CancellationToken cancellationToken) =>
        cancellationToken.CanBeCanceled
            ? cancellationToken.UnsafeRegister(static state => ((Waiter)state!).Owner.Cancel((Waiter)state!), waiter)
            : default;

    /// <summary>Starts a wait: checks the caller, counts the wait, reads the clock.</summary>
    /// <param name="async">Whether the wait is asynchronous (see <see cref="RecordWaitBegan"/>).</param>
    /// <param name="start">The clock reading, for <see cref="End"/>.</param>
    private void Begin(bool async, out long start)
    {
        if (ConsumerThread.Owner is not null)
        {
            // The queue must drop instead (and log): a dispatch thread that waited for room could wait for itself.
            throw new InvalidOperationException("A dispatch thread must never wait for room in a queue.");
        }

        // Recorded before the wait is running: a MeterListener callback runs here, inline, and if it stops the bus,
        // ReleaseAll must not wait for this producer, which cannot go on until the callback returns.
        Interlocked.Increment(ref _waits);
        if (BusMetrics.ProducerWaits.Enabled)
        {
            RecordWaitBegan(async);
        }

        // From here until End, ReleaseAll waits for this producer unless it parks (see the note there).
        Interlocked.Increment(ref _running);

        start = _time.GetTimestamp();
    }

    /// <summary>Ends a wait: counts the drop unless the event was placed or the drop was counted already.</summary>
    /// <param name="result">The last offer's result.</param>
    /// <param name="start">The clock reading of <see cref="Begin"/>.</param>
    /// <param name="running">Whether the wait is counted in <c>_running</c> (it is not while parked or once resolved).</param>
    /// <param name="counted">Whether whoever ended its park counted the drop.</param>
    /// <param name="async">Whether the wait is asynchronous (see <see cref="RecordWaitEnded"/>).</param>
    private EnqueueResult End(EnqueueResult result, long start, bool running, bool counted, bool async)
    {
        if (result != EnqueueResult.Accepted && !counted)
        {
            Interlocked.Increment(ref _dropped);
        }

        if (running)
        {
            // After the drop is counted: ReleaseAll reads _running 0 only once Dropped is final.
            Interlocked.Decrement(ref _running);
        }

        long elapsed = _time.GetTimestamp() - start;
        Interlocked.Add(ref _waitTicks, elapsed);
        if (BusMetrics.ProducerWaitDuration.Enabled)
        {
            // After _running is lowered, as Begin records before raising it: a callback here may stop the bus too.
            RecordWaitEnded(elapsed, async);
        }

        return result;
    }

    /// <summary>Offers, then retries up to the spin budget with a pause between, unless the wait must end.</summary>
    private EnqueueResult Retry<TOffer>(ref TOffer offer, CancellationToken cancellationToken)
        where TOffer : struct, IOffer
    {
        for (int spin = 0; ; spin++)
        {
            EnqueueResult result = offer.TryOffer();
            if (result != EnqueueResult.Full || spin >= _spins || MustEnd(cancellationToken))
            {
                return result;
            }

            Thread.SpinWait(SpinPause);
        }
    }

    private bool MustEnd(CancellationToken cancellationToken) =>
        Volatile.Read(ref _released) != NotReleased || cancellationToken.IsCancellationRequested;

    /// <summary>P1 to P3 of the handshake; the caller offers again (P4) and parks only if that is still full.</summary>
    /// <returns>The epoch to park on.</returns>
    private long Announce()
    {
        long epoch = Volatile.Read(ref _epoch);
        Interlocked.Exchange(ref _announced.Value, 1);
        Interlocked.MemoryBarrierProcessWide();
        return epoch;
    }

    /// <summary>Under the gate, P5: parks <paramref name="waiter"/> unless the wait must end or a wake came since <paramref name="epoch"/>.</summary>
    private bool TryParkLocked(Waiter waiter, long epoch, CancellationToken cancellationToken)
    {
        // The token is read under the gate: its callback takes the gate, so a cancellation either shows here or
        // finds the waiter parked.
        if (_epoch != epoch || MustEnd(cancellationToken))
        {
            return false;
        }

        waiter.State = Waiter.Parked;
        waiter.Previous = _last;
        if (_last is null)
        {
            _first = waiter;
        }
        else
        {
            _last.Next = waiter;
        }

        _last = waiter;
        _parked++;
        Interlocked.Decrement(ref _running);
        return true;
    }

    /// <summary>Under the gate, after a park ended: takes a woken waiter off the list to retry.</summary>
    /// <returns>True: woken, retry (running again). False: released or cancelled, its drop already counted.</returns>
    private bool TryClaimLocked(Waiter waiter)
    {
        bool woken = waiter.State == Waiter.Woken;
        if (woken)
        {
            Unlink(waiter);
            Interlocked.Increment(ref _running);
        }

        waiter.State = Waiter.Idle;
        return woken;
    }

    /// <summary>Under the gate: takes a waiter that is on the list off it for good, counting its drop.</summary>
    private void ResolveLocked(Waiter waiter, int state)
    {
        if (waiter.State == Waiter.Parked)
        {
            _parked--;
            waiter.Signal();
        }

        Unlink(waiter);
        waiter.State = state;
        Interlocked.Increment(ref _dropped);
    }

    private void Unlink(Waiter waiter)
    {
        if (waiter.Previous is null)
        {
            _first = waiter.Next;
        }
        else
        {
            waiter.Previous.Next = waiter.Next;
        }

        if (waiter.Next is null)
        {
            _last = waiter.Previous;
        }
        else
        {
            waiter.Next.Previous = waiter.Previous;
        }

        waiter.Previous = waiter.Next = null;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void WakeParked()
    {
        // One waker per announcement. Clearing first is safe: a producer that announces after this exchange keeps
        // the flag set for the next batch, and one that announced before it read an epoch older than the bump below.
        if (Interlocked.Exchange(ref _announced.Value, 0) == 0)
        {
            return;
        }

        using (UninterruptibleLock.Enter(_gate))
        {
            Volatile.Write(ref _epoch, _epoch + 1);
            for (Waiter? waiter = _first; waiter is not null; waiter = waiter.Next)
            {
                if (waiter.State == Waiter.Parked)
                {
                    // Stays listed until it claims itself back, so ReleaseAll can still resolve it if it comes first.
                    waiter.State = Waiter.Woken;
                    _parked--;
                    waiter.Signal();
                }
            }

            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>The token's callback: ends the park of a waiter still listed, counting its drop.</summary>
    private void Cancel(Waiter waiter)
    {
        using (UninterruptibleLock.Enter(_gate))
        {
            // A waiter no longer listed has claimed itself back (it sees the token on its next retry) or was resolved.
            if (waiter.State is Waiter.Parked or Waiter.Woken)
            {
                ResolveLocked(waiter, Waiter.Canceled);
                Monitor.PulseAll(_gate);
            }
        }
    }

    /// <summary>
    /// The flag producers set before parking, alone in a 256-byte block: the consumer reads it once per batch, and
    /// no write by a producer that is not parking (nor any other field) may share its line.
    /// </summary>
    [StructLayout(LayoutKind.Explicit, Size = 256)]
    private struct AnnouncedFlag
    {
        [FieldOffset(128)]
        public int Value;
    }
}
