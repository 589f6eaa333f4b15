using System;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

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
    private readonly DispatchThread _dispatch;

    // Wait queues only: the producers waiting for room. Null on a DropWrite queue, whose full path never waits.
    private readonly WaitingProducers? _waiting;

    // The room a claim that refreshed the head must find (see BoundedRing.TryEnqueue): 1 on a DropWrite queue, whose
    // capacity is exact; RoomToResume on a Wait queue, so a producer that outruns its consumer waits for a batch of
    // room instead of contending with it for the head line one slot at a time.
    private readonly int _claimRoom;

    // Set by the first post a dispatch thread could not place in this Wait queue, which logs it (event 12).
    private int _dispatchDropLogged;

    /// <param name="name">The queue name; the thread is named after it.</param>
    /// <param name="capacity">The exact number of waiting events.</param>
    /// <param name="context">The bus's shared settings.</param>
    /// <param name="owner">The bus: marks the dispatch thread (see <see cref="ConsumerThread"/>).</param>
    /// <param name="dispatcher">Makes the consumer, compiled for the bus's dispatcher.</param>
    /// <param name="onInterrupted">Removes an interrupted listener from every queue of the bus.</param>
    /// <param name="gate">The bus lock, which every change of the queue's interest holds; null skips that check.</param>
    public AsyncEventQueue(
        string name,
        int capacity,
        BusContext context,
        object owner,
        DispatcherBinding<TListener, TEvent> dispatcher,
        Action<TListener> onInterrupted,
        object? gate = null)
    {
        Interest = new QueueInterest(dispatcher.KindCount, gate);
        Name = name;
        Context = context;
        Ring = new BoundedRing<TEvent>(capacity);
        FullMode = context.FullModes.Of(name);
        _waiting = FullMode == QueueFullMode.Wait ? new WaitingProducers(context.Name, name, context.TimeProvider, posts: context.Posts) : null;
        _claimRoom = _waiting is null ? 1 : RoomToResume;
        Accounting = new QueueAccounting<TEvent>(Ring, _waiting);
        Parking = new ConsumerParking<TEvent>(Ring, context.Posts);
        Listeners = new ListenerList<TListener>(context.MaxTimedListenerTypes, concurrentWriters: false);
        Guard = new ListenerGuard<TListener, TEvent>(context, onInterrupted, name);
        _consumer = dispatcher.CreateConsumer(this, owner);
        _dispatch = new DispatchThread("GeneratedBus-" + name, _consumer.Run, context);
    }

    /// <summary>The queue name, as given to <c>AddToQueue</c>.</summary>
    public string Name { get; }

    /// <summary>The exact number of waiting events the queue holds.</summary>
    public int Capacity => Ring.Capacity;

    /// <summary>What a post that finds the queue full does: drop and count, or wait for room.</summary>
    public QueueFullMode FullMode { get; }

    /// <summary>
    /// The free slots a waiting producer waits for: a quarter of the capacity, at least 1 and at most
    /// <see cref="QueueConsumer{TListener, TEvent}.MaxBatch"/>, so the consumer's wake after each batch finds that
    /// much room (see <see cref="RingOffer{TEvent}"/>).
    /// </summary>
    internal int RoomToResume => Math.Clamp(Ring.Capacity / 4, 1, QueueConsumer<TListener, TEvent>.MaxBatch);

    /// <summary>Wait queues: the producers waiting for room, for tests; <see langword="null"/> on a DropWrite queue.</summary>
    internal WaitingProducers? Waiting => _waiting;

    /// <summary>The kinds the queue's listeners handle: <see cref="Offer"/> skips the rest.</summary>
    public QueueInterest Interest { get; }

    /// <summary>The queue's listeners: a copy-on-write list, safe to change while the queue delivers.</summary>
    public ListenerList<TListener> Listeners { get; }

    /// <summary>Whether the dispatch thread has ended, or was never started and never will be (closed).</summary>
    public bool HasExited => _dispatch.IsReleased ? _dispatch.HasEnded : Ring.IsClosed;

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
    public bool IsOnDispatchThread => _dispatch.IsCurrent;

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
            return $"{Name} ({FullMode}): {Listeners.Count} listeners, size {stats.Size}/{stats.Capacity}, posted {stats.Posted}, processed {stats.Processed}, dropped {stats.Dropped}";
        }
    }

    /// <summary>Under the bus lock: starts the dispatch thread, which delivers at once.</summary>
    /// <exception cref="OutOfMemoryException">No thread could be created; the queue is as it was, not started.</exception>
    public void Start()
    {
        StartHeld();
        Release();
    }

    /// <summary>
    /// Under the bus lock: starts the dispatch thread held, before it touches the queue, until <see cref="Release"/>
    /// or <see cref="Recall"/>. Until released, the queue counts as not started (Join and HasExited ignore the thread).
    /// </summary>
    /// <exception cref="OutOfMemoryException">No thread could be created; the queue is as it was, not started.</exception>
    public void StartHeld() => _dispatch.StartHeld();

    /// <summary>Under the bus lock: lets the held dispatch thread deliver.</summary>
    public void Release() => _dispatch.Release();

    /// <summary>Under the bus lock: ends the held dispatch thread unused; the queue can be started again.</summary>
    public void Recall() => _dispatch.Recall();

    /// <summary>
    /// Under the bus lock, on a queue not yet started: its thread, once released, delivers only after the thread of
    /// <paramref name="retiring"/>, a retired queue of the same name, has ended. See <see cref="DispatchThread.Follow"/>.
    /// </summary>
    public void Follow(AsyncEventQueue<TListener, TEvent> retiring) => _dispatch.Follow(retiring._dispatch);

    /// <summary>Whether the dispatch thread waits for the retiring queue it follows to end. For tests.</summary>
    internal bool WaitsForPredecessor => _dispatch.WaitsForPredecessor;

    /// <summary>
    /// Offers an event and never waits, whatever the queue's mode: a full queue drops and counts, a closed one
    /// ignores. For the start buffer's flush, which runs under the bus lock, and for a producer that gives up an
    /// event it was to wait for (its post was cancelled or interrupted on another queue).
    /// </summary>
    public void OfferOrDrop(TEvent e, int kind)
    {
        int thread = ThreadNumbers.Current;
        if (Offer(e, kind, thread))
        {
            CountDrop(thread);
        }
    }

    /// <summary>
    /// The one offer step of every post: the ring's verdict on <paramref name="e"/>, and what follows from it. Never
    /// blocks. A kind no listener of the queue handles is skipped and counted as such. A full DropWrite queue drops
    /// and counts; so does a full Wait queue when the caller is a dispatch thread, which must never wait. A closed
    /// queue ignores.
    /// </summary>
    /// <param name="e">The event.</param>
    /// <param name="kind">Its kind.</param>
    /// <param name="thread">The post's cell number (<see cref="StackPageNumbers.Current"/>, or <see cref="ThreadNumbers.Current"/> off the post path), read once per post for every queue.</param>
    /// <returns>
    /// True when the queue is a full Wait queue: the caller must place the event with <see cref="WaitForRoom"/> or
    /// <see cref="WaitForRoomAsync"/>, or give it up with <see cref="OfferOrDrop"/>. Until then it is in no count.
    /// </returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Offer(TEvent e, int kind, int thread)
    {
        // No listener of the queue handles this kind: neither posted nor dropped, counted apart.
        bool[]? wanted = Interest.Wanted;
        if (wanted is not null && !wanted[kind])
        {
            Accounting.CountSkipped(thread);
            return false;
        }

        EnqueueResult result = Ring.TryEnqueue(e, kind, _claimRoom);
        if (result == EnqueueResult.Accepted)
        {
            Parking.WakeIfParked(thread);
        }
        else if (result == EnqueueResult.Full)
        {
            if (_waiting is not null)
            {
                return MustWait(thread);
            }

            if (Accounting.CountRefused(thread))
            {
                LogFirstDrop();
            }
        }

        return false;
    }

    /// <summary>
    /// After <see cref="Offer(TEvent, int, int)"/> said to wait: blocks until the event is placed, or dropped and
    /// counted because the queue closed (Stop released it).
    /// </summary>
    /// <exception cref="ThreadInterruptedException">The thread was interrupted while it waited; the event is dropped and counted.</exception>
    /// <param name="e">The event.</param>
    /// <param name="kind">Its kind.</param>
    /// <param name="thread">The post's cell number, as passed to <see cref="Offer(TEvent, int, int)"/>.</param>
    public void WaitForRoom(TEvent e, int kind, int thread)
    {
        var offer = new RingOffer<TEvent>(Ring, Parking, e, kind, RoomToResume, thread);
        _waiting!.Wait(ref offer);
    }

    /// <summary>
    /// After <see cref="Offer(TEvent, int, int)"/> said to wait: waits asynchronously until the event is placed, or
    /// dropped and counted because the queue closed or <paramref name="cancellationToken"/> was cancelled.
    /// </summary>
    /// <returns><see cref="EnqueueResult.Accepted"/> when placed; anything else was dropped and counted.</returns>
    /// <param name="e">The event.</param>
    /// <param name="kind">Its kind.</param>
    /// <param name="thread">The post's cell number, as passed to <see cref="Offer(TEvent, int, int)"/>.</param>
    /// <param name="cancellationToken">Ends the wait, with the event dropped and counted.</param>
    public ValueTask<EnqueueResult> WaitForRoomAsync(TEvent e, int kind, int thread, CancellationToken cancellationToken) =>
        _waiting!.WaitAsync(new RingOffer<TEvent>(Ring, Parking, e, kind, RoomToResume, thread), cancellationToken);

    /// <summary>
    /// Counts <paramref name="count"/> events the queue never took as posted and dropped: the start buffer of a bus
    /// disposed before Start, which that Start would have offered to this queue. Not logged as a drop: the bus logs it.
    /// </summary>
    public void CountNeverOffered(int count)
    {
        int thread = ThreadNumbers.Current;
        for (int i = 0; i < count; i++)
        {
            Accounting.CountRefusedUnlogged(thread);
        }
    }

    private void CountDrop(int thread)
    {
        if (Accounting.CountRefused(thread))
        {
            LogFirstDrop();
        }
    }

    /// <summary>A full Wait queue: a dispatch thread drops (logged once per queue), any other thread waits.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool MustWait(int thread)
    {
        if (ConsumerThread.Owner is null)
        {
            return true;
        }

        // A listener that waited for room could wait for itself, directly or through a queue that waits for it. Logged
        // once per queue by a flag of its own: the queue's first-drop flag belongs to the other drops.
        Accounting.CountRefusedUnlogged(thread);
        if (Volatile.Read(ref _dispatchDropLogged) == 0 && Interlocked.Exchange(ref _dispatchDropLogged, 1) == 0)
        {
            LogDispatchThreadDrop(Thread.CurrentThread.Name ?? "(unnamed)");
        }

        return false;
    }

    // Apart from MustWait: a lambda capturing a local there would allocate its closure on every wait.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void LogDispatchThreadDrop(string thread)
    {
        Context.LogPump.Write(() => Context.Logger.DispatchThreadPostDropped(thread, Name, Context.Name, Ring.Capacity));
        Context.LogPump.Write(() => BusEventSource.Instance.DropsBegan(Context.Name, Name, Ring.Capacity, "a listener posted to this full Wait queue"));
    }

    /// <summary>
    /// Ends every wait for room, now and later: producers waiting are released, their events dropped and counted, before
    /// it returns; a post that finds the queue full later drops and counts at once. The ring stays open. Stop calls it
    /// first, so that the posts under way finish without waiting; <see cref="Close"/> calls it again.
    /// </summary>
    public void EndWaits()
    {
        if (_waiting is not null)
        {
            long before = _waiting.Dropped;
            _waiting.ReleaseAll();
            long released = _waiting.Dropped - before;
            if (released > 0)
            {
                Context.LogPump.Write(() => Context.Logger.WaitingProducersReleased(released, Name, Context.Name));
            }
        }
    }

    /// <summary>
    /// Refuses further events and wakes the consumer so it drains what it holds and exits. Producers waiting for room
    /// are released, their events dropped and counted, before it returns.
    /// </summary>
    public void Close()
    {
        Ring.Close();
        Parking.WakeToClose();

        // After the close: producers still running retry into a closed ring and count themselves.
        EndWaits();
    }

    /// <summary>Waits for the dispatch thread to end.</summary>
    /// <returns>Whether it ended (or never ran) within <paramref name="timeout"/>.</returns>
    public bool Join(TimeSpan timeout) => _dispatch.Join(timeout);

    /// <summary>Waits for the dispatch thread to end without blocking the caller.</summary>
    /// <returns>Whether it ended (or never ran) before <paramref name="timeout"/> passed or <paramref name="cancellationToken"/> was cancelled.</returns>
    public ValueTask<bool> JoinAsync(TimeSpan timeout, CancellationToken cancellationToken) => _dispatch.JoinAsync(timeout, cancellationToken);

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
    private void LogFirstDrop()
    {
        Context.LogPump.Write(() => Context.Logger.FirstDrop(Name, Context.Name, Ring.Capacity));
        Context.LogPump.Write(() => BusEventSource.Instance.DropsBegan(Context.Name, Name, Ring.Capacity, "the queue is full"));
    }
}
