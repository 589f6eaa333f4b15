using System;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Threading;

namespace GeneratedBus;

/// <summary>
/// One named queue of a <see cref="LiveListenerBus{TListener, TEvent}"/> (Spark's <c>AsyncEventQueue</c>): a bounded
/// ring, its listeners and one dedicated thread that delivers the ring's events to them in order. This is the view of
/// producers and of the bus; the thread runs the <see cref="QueueConsumer{TListener, TEvent}"/> the bus's
/// <see cref="DispatcherBinding{TListener, TEvent}"/> made for it.
/// </summary>
[DebuggerDisplay("{DebuggerDisplay,nq}")]
internal sealed class AsyncEventQueue<TListener, TEvent>
    where TListener : class
    where TEvent : class
{
    private readonly QueueConsumer<TListener, TEvent> _consumer;
    private readonly Thread _thread;
    private int _started;

    /// <param name="name">The queue name; the thread is named after it.</param>
    /// <param name="capacity">The exact number of waiting events.</param>
    /// <param name="context">The bus's shared settings.</param>
    /// <param name="owner">The bus: marks the dispatch thread (see <see cref="ConsumerThread"/>).</param>
    /// <param name="dispatcher">Makes the consumer, compiled for the bus's dispatcher.</param>
    /// <param name="onInterrupted">Removes an interrupted listener from every queue of the bus.</param>
    public AsyncEventQueue(
        string name,
        int capacity,
        BusContext context,
        object owner,
        DispatcherBinding<TListener, TEvent> dispatcher,
        Action<TListener> onInterrupted)
    {
        Name = name;
        Context = context;
        Ring = new BoundedRing<TEvent>(capacity);
        Accounting = new QueueAccounting<TEvent>(Ring);
        Parking = new ConsumerParking<TEvent>(Ring);
        Listeners = new ListenerList<TListener>(context.MaxTimedListenerTypes, concurrentWriters: false);
        Guard = new ListenerGuard<TListener, TEvent>(context, onInterrupted, name);
        _consumer = dispatcher.CreateConsumer(this, owner);
        _thread = new Thread(_consumer.Run) { IsBackground = true, Name = "GeneratedBus-" + name };
    }

    /// <summary>The queue name, as given to <c>AddToQueue</c>.</summary>
    public string Name { get; }

    /// <summary>The exact number of waiting events the queue holds.</summary>
    public int Capacity => Ring.Capacity;

    /// <summary>The queue's listeners: a copy-on-write list, safe to change while the queue delivers.</summary>
    public ListenerList<TListener> Listeners { get; }

    /// <summary>Whether the dispatch thread has ended, or was never started and never will be (closed).</summary>
    public bool HasExited =>
        Volatile.Read(ref _started) == 0 ? Ring.IsClosed : !_thread.IsAlive;

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

    internal BusContext Context { get; }

    internal BoundedRing<TEvent> Ring { get; }

    internal QueueAccounting<TEvent> Accounting { get; }

    internal ConsumerParking<TEvent> Parking { get; }

    internal ListenerGuard<TListener, TEvent> Guard { get; }

    private string DebuggerDisplay
    {
        get
        {
            QueueStats stats = GetStats();
            return $"{Name}: {Listeners.Count} listeners, size {stats.Size}/{stats.Capacity}, posted {stats.Posted}, processed {stats.Processed}, dropped {stats.Dropped}";
        }
    }

    /// <summary>Starts the dispatch thread; later calls do nothing.</summary>
    public void Start()
    {
        if (Interlocked.Exchange(ref _started, 1) == 0)
        {
            _thread.Start();
        }
    }

    /// <summary>Offers an event: never blocks; a full queue drops and counts, a closed one ignores.</summary>
    public void Offer(TEvent e, int kind) => Offer(e, kind, ThreadNumbers.Current);

    /// <summary>
    /// The one offer step of every post: the ring's verdict on <paramref name="e"/>, and what follows from it. Never
    /// blocks: a full queue drops and counts, a closed one ignores.
    /// </summary>
    /// <param name="e">The event.</param>
    /// <param name="kind">Its kind.</param>
    /// <param name="thread">The producer's <see cref="ThreadNumbers.Current"/>, read once per post for every queue.</param>
    public void Offer(TEvent e, int kind, int thread)
    {
        EnqueueResult result = Ring.TryEnqueue(e, kind);
        if (result == EnqueueResult.Accepted)
        {
            Parking.WakeIfParked();
        }
        else if (result == EnqueueResult.Full && Accounting.CountRefused(thread))
        {
            LogFirstDrop();
        }
    }

    /// <summary>Refuses further events and wakes the consumer so it drains what it holds and exits.</summary>
    public void Close()
    {
        Ring.Close();
        Parking.WakeToClose();
    }

    /// <summary>Waits for the dispatch thread to end.</summary>
    /// <returns>Whether it ended (or never ran) within <paramref name="timeout"/>.</returns>
    public bool Join(TimeSpan timeout) =>
        Volatile.Read(ref _started) == 0 || IsOnDispatchThread || _thread.Join(timeout);

    /// <summary>
    /// After a join timed out: once the stuck listener returns, the consumer counts every remaining event as dropped
    /// and exits, instead of delivering them.
    /// </summary>
    public void Abandon() => _consumer.Abandon();

    /// <summary>A consistent snapshot of the queue's counters.</summary>
    public QueueStats GetStats() => GetStats(out _);

    /// <summary>A consistent snapshot; <paramref name="inFlight"/> is the event being delivered (0 or 1).</summary>
    public QueueStats GetStats(out long inFlight) => Accounting.Snapshot(Name, out inFlight);

    /// <summary>Stats per listener type of this queue, with the calls its dispatch thread has not yet credited.</summary>
    public ListenerStats[] GetListenerStats() =>
        ListenerTimer.Read(Listeners.Timers(), [_consumer.Tally], Context.Frequency);

    // Out of line: the drop path's common case stays small.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void LogFirstDrop() =>
        Log.Safely(() => Context.Logger.FirstDrop(Name, Context.Name, Ring.Capacity));
}
