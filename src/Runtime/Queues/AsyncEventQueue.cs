using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading;

namespace GeneratedBus;

/// <summary>
/// One named queue of a <see cref="LiveListenerBus{TListener, TEvent}"/> (Spark's <c>AsyncEventQueue</c>): a bounded
/// ring, its listeners and one dedicated thread that delivers the ring's events to them in order.
/// </summary>
/// <remarks>
/// Accounting, all derived from a few counters so no hot path counts twice: <c>Posted = tail + dropped</c>,
/// <c>Size = tail - head</c>, <c>in-flight = head - processed - abandoned</c> (0 or 1) and
/// <c>Dropped = dropped + abandoned</c> (refused when full, or left over when an abandoned queue exits), hence at
/// every moment <c>Posted = Processed + Dropped + Size + in-flight</c>, and after the thread ends
/// <c>Posted = Processed + Dropped</c>.
/// </remarks>
internal sealed class AsyncEventQueue<TListener, TEvent>
    where TListener : class
    where TEvent : class
{
    // Spins before parking: long enough to catch a producer that is mid-burst, short enough to leave an idle core idle.
    private const int SpinsBeforePark = 64;

    // Pause between two looks at tail while idle. Each look pulls the producers' tail line to this core, and their next
    // claim must pull it back; polling between every claim made each event pay that transfer (hundreds of ns on this
    // project's VMs). Pausing lets a batch gather: lossless one-to-one throughput rose from 8-22 to about 46 M events/s
    // there, at a cost of a few microseconds of latency for an event that finds the consumer idle.
    private const int PollPause = 16;

    // Tries at an exact stats snapshot before settling for a bounded one (see GetStats); callers may hold the bus lock.
    private const int ConsistentReadTries = 64;

    private readonly BusContext _context;
    private readonly object _owner;
    private readonly BoundedRing<TEvent> _ring;
    private readonly ManualResetEventSlim _signal = new(false, spinCount: 1);
    private readonly Thread _thread;

    // Producers count drops in cells of their own: no locked instruction on the drop path.
    private readonly ThreadCounter _dropped = new();
    private readonly TimingSampler _sampler;
    private QueueCounters _counters;
    private int _started;
    private int _abandon;

    // Drop reports, touched only under the bus's report lock.
    private long _reportedDropped;
    private DateTimeOffset _lastReport;

    /// <param name="name">The queue name; the thread is named after it.</param>
    /// <param name="capacity">The exact number of waiting events.</param>
    /// <param name="context">The bus's shared settings.</param>
    /// <param name="owner">The bus: marks the dispatch thread (see <see cref="DispatchThread"/>).</param>
    /// <param name="hook">The bus's dispatch switch.</param>
    /// <param name="onInterrupted">Removes an interrupted listener from every queue of the bus.</param>
    public AsyncEventQueue(
        string name,
        int capacity,
        BusContext context,
        object owner,
        DispatchHook<TListener, TEvent> hook,
        Action<TListener> onInterrupted)
    {
        Name = name;
        _context = context;
        _owner = owner;
        _ring = new BoundedRing<TEvent>(capacity);
        Dispatcher = new ListenerDispatcher<TListener, TEvent>(context, hook, onInterrupted, name, concurrentWriters: false);
        _sampler = new TimingSampler(context.Frequency);
        _thread = new Thread(Run) { IsBackground = true, Name = "GeneratedBus-" + name };
        _lastReport = context.TimeProvider.GetUtcNow();
    }

    /// <summary>The queue name, as given to <c>AddToQueue</c>.</summary>
    public string Name { get; }

    /// <summary>The exact number of waiting events the queue holds.</summary>
    public int Capacity => _ring.Capacity;

    /// <summary>Delivers each event to the queue's listeners, guarded and timed.</summary>
    public ListenerDispatcher<TListener, TEvent> Dispatcher { get; }

    /// <summary>The queue's listeners: a copy-on-write list, safe to change while the queue delivers.</summary>
    public ListenerList<TListener> Listeners => Dispatcher.Listeners;

    /// <summary>Whether the dispatch thread has ended, or was never started and never will be (closed).</summary>
    public bool HasExited =>
        Volatile.Read(ref _started) == 0 ? _ring.IsClosed : !_thread.IsAlive;

    /// <summary>Whether the queue holds nothing: no waiting event and none being delivered.</summary>
    public bool IsIdle
    {
        get
        {
            QueueStats stats = GetStats(out long inFlight);
            return stats.Size == 0 && inFlight == 0;
        }
    }

    /// <summary>Whether the caller is this queue's dispatch thread.</summary>
    public bool IsOnDispatchThread => ReferenceEquals(Thread.CurrentThread, _thread);

    /// <summary>Starts the dispatch thread; later calls do nothing.</summary>
    public void Start()
    {
        if (Interlocked.Exchange(ref _started, 1) == 0)
        {
            _thread.Start();
        }
    }

    /// <summary>Offers an event: never blocks; a full queue drops and counts, a closed one ignores.</summary>
    public void Offer(TEvent e, int kind)
    {
        EnqueueResult result = _ring.TryEnqueue(e, kind);
        if (result == EnqueueResult.Accepted)
        {
            // Lost-wakeup (Dekker) argument: this producer did [CAS tail; read parked], the consumer does
            // [Exchange parked = 1; read tail]. Both CAS and Exchange are full fences, so at least one side sees the
            // other's write: either the consumer's re-check sees our tail and does not sleep, or we see parked = 1 and
            // wake it. The Exchange to 0 makes exactly one waker call Set. The plain read first keeps the shared line
            // in the Shared state while the consumer runs (parked stays 0), so the common case costs one load.
            if (Volatile.Read(ref _counters.Parked) == 1 && Interlocked.Exchange(ref _counters.Parked, 0) == 1)
            {
                _signal.Set();
            }
        }
        else if (result == EnqueueResult.Full)
        {
            _dropped.Increment();

            // The flag is read-mostly: only the very first drop pays for the exchange, and exactly one logs.
            if (Volatile.Read(ref _counters.FirstDropLogged) == 0 && Interlocked.Exchange(ref _counters.FirstDropLogged, 1) == 0)
            {
                Log.Safely(() => _context.Logger.FirstDrop(Name, _context.Name, _ring.Capacity));
            }
        }
    }

    /// <summary>Refuses further events and wakes the consumer so it drains what it holds and exits.</summary>
    public void Close()
    {
        _ring.Close();

        // The close is a CAS on tail, so the Dekker argument above holds for it too; set unconditionally anyway.
        Interlocked.Exchange(ref _counters.Parked, 0);
        _signal.Set();
    }

    /// <summary>Waits for the dispatch thread to end.</summary>
    /// <returns>Whether it ended (or never ran) within <paramref name="timeout"/>.</returns>
    public bool Join(TimeSpan timeout) =>
        Volatile.Read(ref _started) == 0 || IsOnDispatchThread || _thread.Join(timeout);

    /// <summary>
    /// After a join timed out: once the stuck listener returns, the consumer counts every remaining event as dropped
    /// and exits, instead of delivering them.
    /// </summary>
    public void Abandon() => Volatile.Write(ref _abandon, 1);

    /// <summary>A consistent snapshot of the queue's counters.</summary>
    public QueueStats GetStats() => GetStats(out _);

    /// <summary>A consistent snapshot; <paramref name="inFlight"/> is the event being delivered (0 or 1).</summary>
    public QueueStats GetStats(out long inFlight)
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
            processed = Volatile.Read(ref _counters.Processed);
            abandoned = Volatile.Read(ref _counters.Abandoned);
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

        long dropped = _dropped.Sum();
        inFlight = head - processed - abandoned;
        return new QueueStats(Name, _ring.Capacity, (int)(tail - head), tail + dropped, processed, dropped + abandoned);
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

    /// <summary>Under the bus's report lock: drops since the last report, and when that was.</summary>
    public bool TakeDropReport(DateTimeOffset now, out long count, out DateTimeOffset since)
    {
        long dropped = _dropped.Sum();
        count = dropped - _reportedDropped;
        since = _lastReport;
        if (count == 0)
        {
            // Like Spark: "since" is the last report (or the queue's creation), not the last quiet tick.
            return false;
        }

        _reportedDropped = dropped;
        _lastReport = now;
        return true;
    }

    private void Run()
    {
        DispatchThread.Owner = _owner;
        try
        {
            Drain();
        }
        finally
        {
            DispatchThread.Owner = null;
        }
    }

    private void Drain()
    {
        long head = _ring.Head;
        while (true)
        {
            // One tail read per batch: producers are not signalled per event and we do not re-read their line.
            long tail = _ring.Tail;
            if (head == tail)
            {
                if (_ring.IsClosed && _ring.Tail == head)
                {
                    _ring.ClearTaken(head);
                    return;
                }

                Idle(head);
                continue;
            }

            if (!DeliverBatch(head, tail))
            {
                return;
            }

            head = tail;
        }
    }

    /// <summary>Delivers the events at positions <paramref name="head"/> to <paramref name="tail"/> - 1.</summary>
    /// <returns>False if the queue was abandoned meanwhile (the rest is then counted dropped).</returns>
    /// <remarks>
    /// A method of its own, called once per batch: <see cref="Drain"/> is entered once and never returns while the queue
    /// runs, so the JIT can only compile it on-stack-replaced, from whichever loop first got hot in that process. The
    /// per-event loop lives here instead, where call counting tiers it up with a full profile, the same in every process.
    /// </remarks>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool DeliverBatch(long head, long tail)
    {
        // With timers on, a reading starts the batch; each later reading ends one timed call and starts the next,
        // or ends a run of untimed events (see TimingSampler).
        long clock = _context.Timed ? _context.Now() : 0;
        for (; head < tail; head++)
        {
            TEvent e = _ring.Take(head, out int kind);
            clock = Deliver(e, kind, clock);
            if (Volatile.Read(ref _abandon) != 0)
            {
                if (_sampler.Untimed > 0)
                {
                    // The call that outlived ExitTimeout may be in this run: read it, or it is never reported.
                    EndUntimedRun(clock);
                }

                DropRemaining(head + 1);
                return false;
            }
        }

        if (_sampler.Untimed > 0)
        {
            // The batch ended in an untimed run: read it now, or a slow call in it would go unreported.
            EndUntimedRun(clock);
        }

        return true;
    }

    /// <summary>Delivers one event to every listener, then counts it processed.</summary>
    /// <param name="e">The event.</param>
    /// <param name="kind">Its kind.</param>
    /// <param name="clock">With timers on, the last reading: it starts this event's first call (or ends an untimed run).</param>
    /// <returns>With timers on, the last reading after the delivery; otherwise 0.</returns>
    private long Deliver(TEvent e, int kind, long clock)
    {
        bool measure = BusMetrics.QueueProcessingTime.Enabled;
        long start = clock, end;
        if (!_context.Timed)
        {
            start = measure ? _context.Now() : 0;
            Dispatcher.Deliver(e, kind, 0);
            end = measure ? _context.Now() : 0;
        }
        else if (!measure && !BusMetrics.ListenerDuration.Enabled && !_sampler.TimeNext())
        {
            // Counted, not timed; the run's time is read with the next timed event or at the end of the batch.
            Dispatcher.DeliverUntimed(e, kind);
            end = clock;
        }
        else
        {
            if (_sampler.Untimed > 0)
            {
                start = EndUntimedRun(clock);
            }

            end = Dispatcher.Deliver(e, kind, start);
            _sampler.Timed(end - start);
        }

        // Only after every listener had it; single writer, so read-then-write loses nothing.
        Volatile.Write(ref _counters.Processed, _counters.Processed + 1);
        if (measure)
        {
            BusMetrics.RecordSafely(
                BusMetrics.QueueProcessingTime,
                _context.ToSeconds(end - start),
                new KeyValuePair<string, object?>(BusMetricNames.BusTag, _context.Name),
                new KeyValuePair<string, object?>(BusMetricNames.QueueTag, Name));
        }

        return _context.Timed ? end : 0;
    }

    /// <summary>Reads the clock to end a run of untimed events that began at <paramref name="since"/>; reports it if slow.</summary>
    /// <returns>The reading (taken again after a report, so logging is not billed to the next call).</returns>
    private long EndUntimedRun(long since)
    {
        long now = _context.Now();
        bool slow = now - since > _context.SlowTicks;
        if (slow)
        {
            Dispatcher.ReportSlowUntimed(now - since, _sampler.Untimed);
            now = _context.Now();
        }

        _sampler.RunRead(slow);
        return now;
    }

    /// <summary>The queue was abandoned at shutdown (closed, so tail is final): count the rest as dropped.</summary>
    private void DropRemaining(long head)
    {
        long tail = _ring.Tail;
        for (; head < tail; head++)
        {
            _ring.Take(head, out _);
            Volatile.Write(ref _counters.Abandoned, _counters.Abandoned + 1);
        }

        Log.Safely(() => _context.Logger.AbandonedEventsDropped(Name, _context.Name, Volatile.Read(ref _counters.Abandoned)));
    }

    /// <summary>Spins briefly, then parks until a producer or <see cref="Close"/> wakes it.</summary>
    private void Idle(long head)
    {
        try
        {
            for (int i = 0; i < SpinsBeforePark; i++)
            {
                Thread.SpinWait(PollPause);

                // RawTail includes the closed bit, so a close also ends the spin.
                if (_ring.RawTail != head)
                {
                    return;
                }
            }

            // About to sleep: let go of the last events delivered, which the ring clears only lazily.
            _ring.ClearTaken(head);
            _signal.Reset();

            // Full fence before the re-check of tail: see the Dekker argument in Offer.
            Interlocked.Exchange(ref _counters.Parked, 1);
            if (_ring.RawTail != head)
            {
                Interlocked.Exchange(ref _counters.Parked, 0);
                return;
            }

            _signal.Wait();
        }
        catch (ThreadInterruptedException)
        {
            // A listener interrupted this thread (Thread.CurrentThread.Interrupt()); the interrupt is consumed by
            // the throw. The loop must survive it: go round again.
        }
    }
}

/// <summary>
/// Parked (read by every producer, written by the consumer when it parks), FirstDropLogged (producers, once)
/// and the consumer's two counters (Processed, Abandoned), in three 128-byte blocks, so a line producers read or
/// write is never one the consumer writes per event.
/// Not nested in the queue: generic types cannot have explicit layout.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 512)]
internal struct QueueCounters
{
    [FieldOffset(128)]
    public int Parked;

    [FieldOffset(256)]
    public int FirstDropLogged;

    [FieldOffset(384)]
    public long Processed;

    [FieldOffset(392)]
    public long Abandoned;
}
