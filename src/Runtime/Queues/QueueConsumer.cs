using System;
using System.Threading;

namespace GeneratedBus;

/// <summary>
/// A queue's dispatch thread: takes the ring's events in batches, hands each batch to
/// <see cref="DeliverBatch"/> (compiled for the bus's dispatcher by <see cref="QueueDelivery{TListener, TEvent, TDispatcher}"/>),
/// parks while the ring is empty, and exits once the queue is closed and drained, or abandoned.
/// </summary>
internal abstract class QueueConsumer<TListener, TEvent>
    where TListener : class
    where TEvent : class
{
    /// <summary>
    /// The most events one batch delivers: the consumer wakes producers waiting for room after each batch, so a batch
    /// as long as a full ring of thousands would keep them parked until it ended; this keeps them at most that many
    /// events from the room they wait for. One batch costs a virtual call and a tail read: nothing per event.
    /// </summary>
    internal const int MaxBatch = 1024;

    private readonly object _owner;

    // Cancelled when the bus gives up waiting for the queue (Abandon): the token its async listeners receive.
    private readonly CancellationTokenSource _stop = new();
    private Thread? _thread;
    private int _abandon;

    /// <param name="queue">The queue whose ring, listeners and counters this consumer works on.</param>
    /// <param name="owner">The bus: marks the dispatch thread (see <see cref="ConsumerThread"/>).</param>
    protected QueueConsumer(AsyncEventQueue<TListener, TEvent> queue, object owner)
    {
        _owner = owner;
        Name = queue.Name;
        Context = queue.Context;
        Ring = queue.Ring;
        Accounting = queue.Accounting;
        Listeners = queue.Listeners;
        Guard = queue.Guard;
        Sampler = new TimingSampler(Context.Frequency);
        Parking = queue.Parking;
        Waiting = queue.Waiting;
    }

    /// <summary>The dispatch thread's calls not yet credited to the listeners' timers.</summary>
    public CallTally Tally { get; } = new();

    protected string Name { get; }

    protected BusContext Context { get; }

    protected BoundedRing<TEvent> Ring { get; }

    protected QueueAccounting<TEvent> Accounting { get; }

    protected ListenerList<TListener> Listeners { get; }

    protected ListenerGuard<TListener, TEvent> Guard { get; }

    /// <summary>Which events to time (timers on); dispatch thread only.</summary>
    protected TimingSampler Sampler; // a mutable struct, used in place

    /// <summary>Whether the bus abandoned the queue (see <see cref="Abandon"/>).</summary>
    protected bool IsAbandoned => Volatile.Read(ref _abandon) != 0;

    private ConsumerParking<TEvent> Parking { get; }

    // Wait queues only: the producers waiting for the room each batch frees.
    private WaitingProducers? Waiting { get; }

    /// <summary>The dispatch thread's body.</summary>
    public void Run()
    {
        _thread = Thread.CurrentThread;
        ConsumerThread.Owner = _owner;
        ConsumerThread.StopToken = _stop.Token;
        try
        {
            Drain();
        }
        finally
        {
            ConsumerThread.Owner = null;
            ConsumerThread.StopToken = default;
        }
    }

    /// <summary>
    /// After a join timed out: once the stuck listener returns, count every remaining event as dropped and exit,
    /// instead of delivering them. The stop token is cancelled, so an async listener stuck on I/O ends.
    /// </summary>
    public void Abandon()
    {
        Volatile.Write(ref _abandon, 1);

        // On the thread pool: Cancel runs the token's callbacks, and with them the continuations of the listener's
        // awaits, inline; user code must not run on, and hold up, the thread that stops the bus.
        ThreadPool.UnsafeQueueUserWorkItem(static consumer => consumer.CancelStop(), this, preferLocal: false);
    }

    /// <summary>Whether the stop token was cancelled (Abandon). For tests.</summary>
    internal bool IsStopCancelled => _stop.IsCancellationRequested;

    private void CancelStop()
    {
        try
        {
            _stop.Cancel();
        }
        catch (AggregateException ex)
        {
            // A callback a listener registered on the token threw; on a pool thread it would end the process.
            Log.Safely(() => Context.Logger.StopTokenCallbackFailed(ex, Name, Context.Name));
        }
    }

    /// <summary>Delivers the events at positions <paramref name="head"/> to <paramref name="tail"/> - 1.</summary>
    /// <returns>False if the queue was abandoned meanwhile (the rest is then counted dropped).</returns>
    /// <remarks>
    /// Called once per batch, through one virtual call: <see cref="Drain"/> is entered once and never returns while the
    /// queue runs, so the JIT can only compile it on-stack-replaced, from whichever loop first got hot in that
    /// process. The per-event loop lives in this method instead, where call counting tiers it up with a full profile,
    /// the same in every process.
    /// </remarks>
    protected abstract bool DeliverBatch(long head, long tail);

    /// <summary>Checks, in Debug builds, that only the queue's own thread consumes.</summary>
    protected void AssertOnDispatchThread() =>
        Invariant.Holds(ReferenceEquals(Thread.CurrentThread, _thread), "a queue has a single consumer: its own thread");

    /// <summary>Reads the clock to end a run of untimed events that began at <paramref name="since"/>; reports it if slow.</summary>
    /// <returns>The reading (taken again after a report, so logging is not billed to the next call).</returns>
    protected long EndUntimedRun(long since)
    {
        long now = Context.Now();
        bool slow = now - since > Context.SlowTicks;
        if (slow)
        {
            Guard.SlowUntimed(Listeners.Snapshot.Listeners, now - since, Sampler.Untimed);
            now = Context.Now();
        }

        Sampler.RunRead(slow);
        return now;
    }

    /// <summary>The queue was abandoned at shutdown (closed, so tail is final): count the rest as dropped.</summary>
    protected void DropRemaining(long head)
    {
        long tail = Ring.Tail;
        for (; head < tail; head++)
        {
            Ring.Take(head, out _);
            Accounting.CountAbandoned();
        }

        Log.Safely(() => Context.Logger.AbandonedEventsDropped(Name, Context.Name, Accounting.Abandoned));
        Log.Safely(() => BusEventSource.Instance.EventsDropped(Context.Name, Name, Accounting.Abandoned, "abandoned at shutdown"));
    }

    private void Drain()
    {
        long head = Ring.Head;
        while (true)
        {
            // One tail read per batch: producers are not signalled per event and we do not re-read their line.
            long tail = Math.Min(Ring.Tail, head + MaxBatch);
            if (head == tail)
            {
                if (Ring.IsClosed && Ring.Tail == head)
                {
                    Ring.ClearTaken(head);
                    return;
                }

                Parking.Idle(head);
                continue;
            }

            if (!DeliverBatch(head, tail))
            {
                return;
            }

            // Every slot below tail is free again: wake the producers parked for room (one plain read when none is;
            // WaitingProducers needs this after every batch that moved head, before the consumer idles). The batch
            // head goes first: waiting producers poll it, not the head line written per event.
            Ring.PublishBatchHead(tail);
            Waiting?.OnFreed();
            bool tookAll = tail - head < MaxBatch;
            head = tail;
            if (tookAll)
            {
                // The batch took all there was: the consumer keeps pace with its producers. Reading tail again at once
                // would pull the line they claim on every event or two (a transfer costs 100 ns and more on this
                // project's VMs: lossless one-to-one fell to 10 M events/s); idle-poll instead, so a batch gathers.
                Parking.Idle(head);
            }
        }
    }
}
