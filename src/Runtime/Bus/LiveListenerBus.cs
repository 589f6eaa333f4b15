using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace GeneratedBus;

/// <summary>
/// An asynchronous listener bus of named queues. Each queue is bounded, has its own dispatch thread named after it,
/// and, when full, drops and counts events (<see cref="QueueFullMode.DropWrite"/>, the default) or makes the poster
/// wait for room (<see cref="QueueFullMode.Wait"/>), so one slow listener never stalls the others.
/// </summary>
/// <typeparam name="TListener">The listener interface, usually generated (<c>ISchedulerListener</c>).</typeparam>
/// <typeparam name="TEvent">The event root (<c>SchedulerEvent</c>).</typeparam>
/// <remarks>
/// The public face and the post path. The queues are kept by a <see cref="QueueRegistry{TListener, TEvent}"/>, the
/// states by a <see cref="BusLifecycle{TListener, TEvent}"/>, the stats summed by a
/// <see cref="StatsAggregator{TListener, TEvent}"/>, and drops reported by a <see cref="DropReporter{TListener, TEvent}"/>.
/// </remarks>
[DebuggerDisplay("{DebuggerDisplay,nq}")]
public abstract class LiveListenerBus<TListener, TEvent> : IDisposable, IAsyncDisposable, IBusMetricsSource, IReportsLossAtExit
    where TListener : class
    where TEvent : class
{
    /// <summary>The queue <see cref="AddToSharedQueue"/> adds to.</summary>
    public const string SharedQueue = "shared";

    private readonly BusContext _context;
    private readonly DispatcherBinding<TListener, TEvent> _dispatcher;
    private readonly QueueRegistry<TListener, TEvent> _registry;
    private readonly BusLifecycle<TListener, TEvent> _lifecycle;
    private readonly StatsAggregator<TListener, TEvent> _stats;
    private readonly DropReporter<TListener, TEvent> _drops;
    private readonly PostsUnderWay _posts;
    private int _disposed;

    /// <summary>Creates a bus that is not yet started: events posted now are buffered until <see cref="Start"/>.</summary>
    /// <param name="options">Capacities, timeouts, logging and clock; <see langword="null"/> for the defaults.</param>
    /// <param name="dispatcher">The generated dispatcher: <c>DispatcherBinding&lt;…&gt;.Of&lt;SchedulerDispatcher&gt;()</c>.</param>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="dispatcher"/> is null.</exception>
    protected LiveListenerBus(BusOptions? options, DispatcherBinding<TListener, TEvent> dispatcher)
    {
        ArgumentNullException.ThrowIfNull(dispatcher);
        BusOptions valid = BusOptionsValidation.Validate(options);
        _context = new BusContext(valid, GetType().Name, Log.LiveBusCategory);
        _posts = _context.Posts;
        _dispatcher = dispatcher;
        _registry = new QueueRegistry<TListener, TEvent>(_context, valid.QueueCapacities, dispatcher, this, RemoveListenerOnError);
        _drops = new DropReporter<TListener, TEvent>(_context);
        _lifecycle = new BusLifecycle<TListener, TEvent>(_context, _registry, _drops, new UnmatchedQueueSettings(_context, valid), this);
        _stats = new StatsAggregator<TListener, TEvent>(_registry.Gate);
        BusMetrics.Register(this);
        ProcessExitReport.EnsureHooked();
    }

    /// <summary>
    /// A bus collected without <see cref="Dispose()"/>: one never started logs the buffered events it loses. (A bus
    /// that runs is never collected: its dispatch threads hold it.)
    /// </summary>
    ~LiveListenerBus()
    {
        Dispose(disposing: false);
    }

    /// <summary>The names of the queues that have listeners, in ordinal order.</summary>
    public IReadOnlyCollection<string> ActiveQueues =>
        _registry.Live.Select(q => q.Name).Order(StringComparer.Ordinal).ToArray();

    /// <summary>Every sync listener of every queue: a snapshot. Async listeners are found with <see cref="FindListenersByType{T}"/>.</summary>
    public IReadOnlyList<TListener> Listeners =>
        _registry.Live.SelectMany(q => q.Listeners.Listeners()).Where(l => l is not AsyncListenerAdapter).ToArray();

    /// <summary>Whether the bus was started and has not begun to stop: the state a health check reports on.</summary>
    public bool IsRunning => _lifecycle.State == BusLifecycle<TListener, TEvent>.Started;

    /// <summary>The bus name used in logs and as the <c>bus</c> metric tag (<see cref="BusOptions.Name"/>, or the type name).</summary>
    public string Name => _context.Name;

    string IBusMetricsSource.BusName => _context.Name;

    // Lock-free: the posted counter alone, not GetStats, which locks the bus and snapshots every queue and timer.
    long IBusMetricsSource.EventsPosted => _posts.Posted;

    void IReportsLossAtExit.ReportLossAtExit() => _lifecycle.ReportLossAtExit();

    /// <summary>
    /// Whether Stop or Dispose has begun (or ended): set at its start, before any queue is closed or joined, and never
    /// cleared. For tests that must know a Stop is under way without guessing from thread states.
    /// </summary>
    internal bool IsStopping => _lifecycle.State == BusLifecycle<TListener, TEvent>.Stopped;

    /// <summary>
    /// Test seam, <see langword="null"/> in production: called by AddToQueue with the new queue after it read the
    /// bus state and before it publishes the queue, under the gate, so a test can start Stop at exactly that point.
    /// Costs one field read on queue creation, a rare path that takes a lock anyway.
    /// </summary>
    internal Action<object>? BeforeQueuePublished { get; set; }

    /// <summary>Test seam: starts each dispatch thread (<c>Thread.Start</c>); a test makes it throw as thread exhaustion would.</summary>
    internal Action<Thread> StartThread
    {
        set => _context.StartThread = value;
    }

    /// <summary>Test seam: holding it stops a thread's first post to this bus before the post is counted.</summary>
    internal object PostedCounterGate => _posts.GrowGate;

    /// <summary>Test seam: waits until the log entries handed to the bus's log pump so far are written.</summary>
    internal bool WaitForLog(TimeSpan timeout) => _context.LogPump.Flush(timeout);

    /// <summary>The bus lock, for tests that must hold it while something else runs.</summary>
    internal object Gate => _registry.Gate;

    /// <summary>Test seam: the live queue of that name, to watch its waiting producers.</summary>
    internal AsyncEventQueue<TListener, TEvent> Queue(string name) => Array.Find(_registry.Live, q => q.Name == name)!;

    private string DebuggerDisplay =>
        $"{_context.Name}: {(_lifecycle.State switch { BusLifecycle<TListener, TEvent>.NotStarted => "not started", BusLifecycle<TListener, TEvent>.Started => "running", _ => "stopped" })}, queues {string.Join(", ", ActiveQueues)}, {_posts.Posted} posted";

    /// <summary>Adds a listener to the <see cref="SharedQueue"/>.</summary>
    /// <param name="listener">The listener.</param>
    public void AddToSharedQueue(TListener listener) => AddToQueue(listener, SharedQueue);

    /// <summary>
    /// Adds a listener to the named queue, creating the queue (and starting it, if the bus runs) on first use. Each call
    /// is one registration: a listener added twice to a queue gets each event twice. The queue enqueues only events
    /// some listener of it handles: for a listener type declared in the bus's project, the kinds it overrides a
    /// handler for, as the generator found them; for any other type, every kind (see
    /// <see cref="AddToQueue(TListener, string, EventKindSet)"/>).
    /// </summary>
    /// <param name="listener">The listener.</param>
    /// <param name="queue">The queue name.</param>
    /// <exception cref="ArgumentNullException"><paramref name="listener"/> or <paramref name="queue"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="queue"/> is empty.</exception>
    /// <exception cref="InvalidOperationException">
    /// The bus was stopped or disposed, whatever the queue: a listener added then would never get an event. While a
    /// Stop is under way, a new queue is refused, and a listener added to a queue still draining gets what it delivers.
    /// </exception>
    /// <exception cref="OutOfMemoryException">
    /// The new queue's dispatch thread could not be created (no address space or threads left): the call leaves
    /// nothing behind, no queue and no listener added, and may be tried again.
    /// </exception>
    public void AddToQueue(TListener listener, string queue)
    {
        ArgumentNullException.ThrowIfNull(listener);
        AddToQueue(listener, queue, _dispatcher.KindsHandledBy(listener.GetType()));
    }

    /// <summary>
    /// As <see cref="AddToQueue(TListener, string)"/>, for a listener that handles only <paramref name="kinds"/>: the
    /// queue skips events of other kinds unless another of its listeners handles them. For listener types the
    /// generator did not see (another assembly's), or to narrow one it did. A skipped event is counted in
    /// <see cref="QueueStats.Skipped"/>, never as posted or dropped.
    /// </summary>
    /// <param name="listener">The listener.</param>
    /// <param name="queue">The queue name.</param>
    /// <param name="kinds">The kinds the listener handles; <see cref="EventKindSet.All"/> for every event.</param>
    /// <exception cref="ArgumentNullException"><paramref name="listener"/>, <paramref name="queue"/> or <paramref name="kinds"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="queue"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A kind is not one of the bus's dispatcher's kinds.</exception>
    /// <exception cref="InvalidOperationException">The bus was stopped or disposed and has no queue of that name.</exception>
    /// <exception cref="OutOfMemoryException">
    /// The new queue's dispatch thread could not be created: the call leaves nothing behind and may be tried again.
    /// </exception>
    public void AddToQueue(TListener listener, string queue, EventKindSet kinds)
    {
        ArgumentNullException.ThrowIfNull(listener);
        ArgumentNullException.ThrowIfNull(kinds);
        BusOptionsValidation.CheckQueueName(queue);
        if (kinds.Kinds.Count > 0 && kinds.Kinds[^1] >= _dispatcher.KindCount)
        {
            throw new ArgumentOutOfRangeException(
                nameof(kinds), kinds.Kinds[^1], $"Bus {_context.Name} has kinds 0 to {_dispatcher.KindCount - 1}.");
        }

        List<AsyncEventQueue<TListener, TEvent>> folded;
        lock (_registry.Gate)
        {
            folded = FoldExitedRetired();
            if (_registry.Find(queue) is { } existing)
            {
                _lifecycle.RefuseListenerIfStopped(existing);
                // Widened before the listener joins, so it misses nothing it handles.
                existing.Interest.Add(listener, kinds);
                existing.Listeners.Add(listener);
            }
            else
            {
                // A new queue takes every kind until its first listener's kinds narrow it, just after.
                _lifecycle.AddQueue(queue, listener, BeforeQueuePublished);
                _registry.Find(queue)!.Interest.Add(listener, kinds);
            }
        }

        _drops.ReportFinal(folded);
    }

    /// <summary>
    /// Removes one registration of a listener from every queue that has it; a queue left empty is stopped, and the
    /// events still waiting in it count as processed, delivered to no listener.
    /// </summary>
    /// <param name="listener">The listener.</param>
    /// <returns>Whether any queue had it.</returns>
    public bool RemoveListener(TListener listener)
    {
        ArgumentNullException.ThrowIfNull(listener);
        List<AsyncEventQueue<TListener, TEvent>> emptied;
        bool removed;
        lock (_registry.Gate)
        {
            emptied = _registry.RemoveEverywhere(listener, out removed);
        }

        foreach (AsyncEventQueue<TListener, TEvent> queue in emptied)
        {
            _context.LogPump.Write(() => _context.Logger.QueueRetired(queue.Name, _context.Name));
        }

        // A dispatch thread must not join itself or another queue (it may be waited on); the emptied queues drain
        // their few remaining events (to no listener) and end on their own.
        if (!ConsumerThread.IsOwnedBy(this))
        {
            foreach (AsyncEventQueue<TListener, TEvent> queue in emptied)
            {
                _lifecycle.JoinOrAbandon(queue);
            }
        }

        return removed;
    }

    /// <summary>The listeners, sync or async, of type <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The type to look for.</typeparam>
    public IEnumerable<T> FindListenersByType<T>() =>
        _registry.Live.SelectMany(q => q.Listeners.Listeners())
            .Select(l => l is AsyncListenerAdapter adapter ? adapter.Listener : l)
            .OfType<T>()
            .ToArray();

    /// <summary>
    /// Removes one registration of an async listener from every queue that has it, as <see cref="RemoveListener"/>
    /// does for a sync one. For the generated bus's <c>RemoveListener</c> overload.
    /// </summary>
    /// <param name="listener">The async listener, as it was added.</param>
    /// <returns>Whether any queue had it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="listener"/> is null.</exception>
    protected bool RemoveAsyncListener(object listener)
    {
        ArgumentNullException.ThrowIfNull(listener);

        // Each registration is an adapter of its own, on one queue: the first per queue is that queue's one
        // registration to remove, and RemoveListener retires and joins what that leaves empty.
        bool removed = false;
        foreach (AsyncEventQueue<TListener, TEvent> queue in _registry.Live)
        {
            TListener? adapter = Array.Find(
                queue.Listeners.Snapshot.Listeners,
                l => l is AsyncListenerAdapter a && ReferenceEquals(a.Listener, listener));
            if (adapter is not null)
            {
                removed |= RemoveListener(adapter);
            }
        }

        return removed;
    }

    /// <summary>
    /// Offers <paramref name="e"/> to every queue. A full <see cref="QueueFullMode.DropWrite"/> queue drops it and
    /// counts the drop; a full <see cref="QueueFullMode.Wait"/> queue blocks this thread until it has room, after
    /// every other queue has had the event. Before <see cref="Start"/> the event is buffered; after
    /// <see cref="Stop"/> it is ignored.
    /// </summary>
    /// <remarks>
    /// On a dispatch thread (in a listener) a full Wait queue drops, counts and logs instead of waiting: a listener
    /// that waited for room could wait for itself. <see cref="Stop"/> ends every wait; the event is then dropped, and
    /// counted, for the queues it was still waiting on.
    /// </remarks>
    /// <param name="e">The event.</param>
    /// <exception cref="ArgumentNullException"><paramref name="e"/> is null.</exception>
    /// <exception cref="ThreadInterruptedException">
    /// The thread was interrupted while it waited for room; the event is dropped, and counted, for the queues it had
    /// not yet reached.
    /// </exception>
    public void Post(TEvent e)
    {
        if (e is null)
        {
            ThrowNullEvent();
        }

        PostChecked(e, _dispatcher.Classify(e));
    }

    /// <summary>Like <see cref="Post(TEvent)"/> with the kind already known: generated per-event overloads call this.</summary>
    /// <param name="e">The event.</param>
    /// <param name="kind">The kind the bus's dispatcher classifies <paramref name="e"/> as.</param>
    /// <exception cref="ArgumentNullException"><paramref name="e"/> is null.</exception>
    protected void PostWithKind(TEvent e, int kind)
    {
        if (e is null)
        {
            ThrowNullEvent();
        }

        Invariant.Holds(kind == _dispatcher.Classify(e), "a per-event Post passes the kind its dispatcher classifies the event as");
        PostChecked(e, kind);
    }

    /// <summary>
    /// Like <see cref="Post(TEvent)"/>, but a full <see cref="QueueFullMode.Wait"/> queue makes the returned task wait
    /// for room instead of the thread. Completes synchronously, allocating nothing, when every queue has room (or the
    /// bus is not running).
    /// </summary>
    /// <param name="e">The event.</param>
    /// <param name="cancellationToken">
    /// Ends a wait for room: the event is dropped, and counted, for every queue it was still waiting on, and the task
    /// throws <see cref="OperationCanceledException"/>. Already cancelled at the call, nothing is posted.
    /// </param>
    /// <returns>A task that completes once every queue has the event, has dropped it, or was stopped.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="e"/> is null.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public ValueTask PostAsync(TEvent e, CancellationToken cancellationToken = default)
    {
        if (e is null)
        {
            ThrowNullEvent();
        }

        return cancellationToken.IsCancellationRequested
            ? ValueTask.FromCanceled(cancellationToken)
            : PostCheckedAsync(e, _dispatcher.Classify(e), cancellationToken);
    }

    /// <summary>Starts every queue and delivers the events buffered so far, in order.</summary>
    /// <exception cref="InvalidOperationException">The bus was started (or stopped, or disposed) before.</exception>
    public void Start() => _lifecycle.Start();

    /// <summary>
    /// Refuses new events, lets every queue drain what it accepted, and joins the dispatch threads, waiting at most
    /// <see cref="BusOptions.ExitTimeout"/> per queue. A second call does nothing.
    /// </summary>
    /// <remarks>
    /// A queue whose thread does not end within the timeout is logged and abandoned: its events count as Size and
    /// in-flight until its listener returns, and then as Dropped. If the calling thread is interrupted while it waits,
    /// Stop still closes every queue, then throws <see cref="ThreadInterruptedException"/>; the queues drain and end on
    /// their own, and a later Stop or Dispose returns at once.
    /// </remarks>
    /// <exception cref="InvalidOperationException">
    /// The bus was neither started nor disposed, or it runs and this is one of its dispatch threads: Stop joins every
    /// dispatch thread, and the calling one cannot end while its listener waits in Stop. From a listener, call
    /// <see cref="RequestStop"/>.
    /// </exception>
    public void Stop() => _lifecycle.Stop();

    /// <summary>
    /// Asks for a <see cref="Stop"/> and returns at once: a thread of the bus's own runs the Stop, so it is safe from
    /// any thread, a listener (a dispatch thread) included. The bus refuses new events as soon as that Stop begins,
    /// drains what its queues accepted, and counts everything as <see cref="Stop"/> does. Calls after the first, and
    /// calls on a bus already stopped, return the same task.
    /// </summary>
    /// <remarks>
    /// <see cref="Stop"/> itself throws on a dispatch thread: it joins every dispatch thread, its caller's included,
    /// and that thread cannot end while it is in the listener that called Stop. Do not wait for the returned task in
    /// a listener for the same reason: it completes only once that listener has returned. Nor in a callback of the
    /// bus's metrics that runs inside a post (a producer's wait on a full queue): the Stop waits for that post.
    /// </remarks>
    /// <returns>A task that completes once the bus is stopped, by this request or by any other Stop or Dispose.</returns>
    /// <exception cref="InvalidOperationException">The bus was never started (Stop would throw too).</exception>
    public Task RequestStop() => _lifecycle.RequestStop();

    /// <summary>
    /// As <see cref="Stop"/>, awaiting the dispatch threads instead of blocking on them, for hosts that stop
    /// asynchronously. Each queue is waited on at most <see cref="BusOptions.ExitTimeout"/>, and
    /// <paramref name="cancellationToken"/> ends every wait still under way the same way: the queues not yet drained
    /// are logged and abandoned, and the task completes without throwing. A second call waits for the first, or until
    /// its own token is cancelled.
    /// </summary>
    /// <param name="cancellationToken">Gives up the waits, as the host's shutdown timeout does.</param>
    /// <returns>A task that completes once every queue drained or was abandoned.</returns>
    /// <exception cref="InvalidOperationException">
    /// The bus was neither started nor disposed, or it runs and this is one of its dispatch threads.
    /// </exception>
    public Task StopAsync(CancellationToken cancellationToken = default) => _lifecycle.StopAsync(cancellationToken);

    /// <summary>Waits until every queue is empty and idle.</summary>
    /// <param name="timeout">How long to wait; <see cref="Timeout.InfiniteTimeSpan"/> for no limit.</param>
    /// <exception cref="TimeoutException">A queue still held events when the time ran out.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative and not infinite.</exception>
    /// <exception cref="InvalidOperationException">This is a dispatch thread of this bus, or the bus was not started.</exception>
    public void WaitUntilEmpty(TimeSpan timeout) => WaitUntilEmpty(timeout, CancellationToken.None);

    /// <summary>Waits until every queue is empty and idle, or the token is cancelled.</summary>
    /// <param name="timeout">How long to wait; <see cref="Timeout.InfiniteTimeSpan"/> for no limit.</param>
    /// <param name="cancellationToken">Ends the wait early with <see cref="OperationCanceledException"/>.</param>
    /// <exception cref="TimeoutException">A queue still held events when the time ran out.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative and not infinite.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="InvalidOperationException">This is a dispatch thread of this bus, or the bus was not started.</exception>
    public void WaitUntilEmpty(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (timeout < TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "The timeout must be zero or more, or infinite.");
        }

        if (ConsumerThread.IsOwnedBy(this))
        {
            // The event this listener is handling is in flight until it returns: the wait could never succeed.
            throw new InvalidOperationException(
                $"WaitUntilEmpty was called on a dispatch thread of bus {_context.Name} (from a listener); it would wait for itself.");
        }

        if (_lifecycle.State == BusLifecycle<TListener, TEvent>.NotStarted)
        {
            // Its events wait in the start buffer, in no queue: "empty" would be a lie, and no wait could end it.
            throw new InvalidOperationException(
                $"WaitUntilEmpty was called on bus {_context.Name}, which was not started; the events posted so far wait for Start. Call Start first.");
        }

        long deadline = timeout == Timeout.InfiniteTimeSpan ? long.MaxValue : Environment.TickCount64 + (long)timeout.TotalMilliseconds;
        for (int round = 0; ; round++)
        {
            List<string> busy = AllQueues().Where(q => !q.IsIdle).Select(q => q.Name).ToList();
            if (busy.Count == 0)
            {
                return;
            }

            cancellationToken.ThrowIfCancellationRequested();
            if (Environment.TickCount64 >= deadline)
            {
                throw new TimeoutException(
                    $"Bus {_context.Name}: queue(s) {string.Join(", ", busy)} still held events after {timeout}.");
            }

            // Back off from a yield to 10 ms sleeps: quick when the queues are nearly done, cheap when they are not.
            if (round < 10)
            {
                Thread.Yield();
            }
            else
            {
                Thread.Sleep(Math.Min(round - 9, 10));
            }
        }
    }

    /// <summary>A snapshot of the bus's, its queues' and its listeners' counters.</summary>
    public BusStats GetStats()
    {
        List<AsyncEventQueue<TListener, TEvent>> folded;
        BusStats stats;
        lock (_registry.Gate)
        {
            folded = FoldExitedRetired();
            stats = _stats.Snapshot(_registry.All, _posts.Posted, _lifecycle.StartBufferDropped);
        }

        _drops.ReportFinal(folded);
        return stats;
    }

    /// <summary>Stops the bus if it runs and releases its resources.</summary>
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>
    /// Stops the bus if it runs, awaiting its dispatch threads (each at most <see cref="BusOptions.ExitTimeout"/>), and
    /// releases its resources. Never throws; safe to call twice.
    /// </summary>
    /// <returns>A task that completes once the bus is stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        await DisposeAsyncCore().ConfigureAwait(false);
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>The asynchronous part of <see cref="DisposeAsync"/>: stops a running bus without blocking a thread.</summary>
    /// <returns>A task that completes once the bus is stopped (or was not running).</returns>
    protected virtual async ValueTask DisposeAsyncCore()
    {
        // On a dispatch thread Dispose handles it (it must not wait); a bus not started has nothing to await.
        if (IsRunning && !ConsumerThread.IsOwnedBy(this))
        {
            await _lifecycle.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Stops the bus if it runs and releases its resources. Never throws; safe to call twice, and a second call while
    /// the first still drains waits for it (but on a dispatch thread of this bus, where it returns at once).
    /// </summary>
    /// <param name="disposing">Whether this is called from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (!disposing)
        {
            // The finalizer: null when the constructor threw (an invalid option) before the lifecycle was made.
            _lifecycle?.ReportLossIfCollected();
            return;
        }

        // Every call goes through the lifecycle, so a second Dispose waits for the first to finish, as a second Stop
        // does. Never throws: an interrupt that fires at one of the waits of the lifecycle's Dispose is handed back to
        // the thread. A Stop interrupted in its join has closed every queue; run again, it finds the bus stopped and returns.
        bool interrupted = Uninterruptible.Run(_lifecycle.Dispose);
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            BusMetrics.Unregister(this);
        }

        if (interrupted)
        {
            Thread.CurrentThread.Interrupt();
        }
    }

    [DoesNotReturn]
    private static void ThrowNullEvent() => throw new ArgumentNullException("e");

    /// <summary>The post path behind <see cref="Post(TEvent)"/> and <see cref="PostWithKind"/>, which checked <paramref name="e"/> for null.</summary>
    /// <remarks>Marked under way from before its state read until every queue is done with it: Stop waits for that (see <see cref="PostsUnderWay"/>).</remarks>
    private void PostChecked(TEvent e, int kind)
    {
        // One cell-number read per post, for the posted count, the mark and every queue's drop counter.
        int thread = StackPageNumbers.Current;
        PostsUnderWay.Cell cell = _posts.Enter(thread);
        try
        {
            if (Admit(e, kind, cell))
            {
                AsyncEventQueue<TListener, TEvent>[] live = _registry.Live;
                int full = OfferToEach(live, e, kind, thread);
                if (full >= 0)
                {
                    WaitForRoom(live, full, e, kind, thread);
                }
            }
        }
        finally
        {
            PostsUnderWay.Exit(cell);
        }
    }

    /// <summary>The asynchronous twin of <see cref="PostChecked"/>: the same steps, with the waits awaited.</summary>
    private ValueTask PostCheckedAsync(TEvent e, int kind, CancellationToken cancellationToken)
    {
        int thread = StackPageNumbers.Current;
        PostsUnderWay.Cell cell = _posts.Enter(thread);
        try
        {
            if (!Admit(e, kind, cell))
            {
                return default;
            }

            AsyncEventQueue<TListener, TEvent>[] live = _registry.Live;
            int full = OfferToEach(live, e, kind, thread);
            return full < 0 ? default : WaitForRoomAsyncMarkedOwn(live, full, e, kind, thread, cancellationToken);
        }
        finally
        {
            PostsUnderWay.Exit(cell);
        }
    }

    /// <summary>
    /// Starts <see cref="WaitForRoomAsync"/>, whose first part runs here, on the posting thread, while its post is
    /// marked: registered as this thread's own wait for that part, as <see cref="WaitForRoom"/> is for all of its wait.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private ValueTask WaitForRoomAsyncMarkedOwn(
        AsyncEventQueue<TListener, TEvent>[] live, int full, TEvent e, int kind, int thread, CancellationToken cancellationToken)
    {
        PostsUnderWay.BeginOwnWait(thread);
        try
        {
            return WaitForRoomAsync(_posts, live, full, e, kind, thread, cancellationToken);
        }
        finally
        {
            PostsUnderWay.EndOwnWait();
        }
    }

    /// <summary>A marked post's state read: whether to offer the event to the live queues (then it is counted).</summary>
    /// <returns>True while the bus runs; false once the event is buffered for Start, refused, or ignored after Stop.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Admit(TEvent e, int kind, PostsUnderWay.Cell cell)
    {
        while (true)
        {
            int state = _lifecycle.State;
            if (state == BusLifecycle<TListener, TEvent>.Started)
            {
                PostsUnderWay.Count(cell);
                return true;
            }

            // Stopped is final, so a post after Stop is ignored without taking the lock Stop itself needs. Before
            // Start it is buffered, unless Start came meanwhile: then round again, to post after the buffer.
            if (state == BusLifecycle<TListener, TEvent>.Stopped || !PostNotRunning(e, kind, cell))
            {
                return false;
            }
        }
    }

    /// <summary>The first pass of every post: offers <paramref name="e"/> to each queue until one says to wait.</summary>
    /// <returns>The index of the first full Wait queue (the rest are not offered yet), or -1 when none was.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int OfferToEach(AsyncEventQueue<TListener, TEvent>[] live, TEvent e, int kind, int thread)
    {
        for (int i = 0; i < live.Length; i++)
        {
            if (live[i].Offer(e, kind, thread))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// Queue <paramref name="first"/> of <paramref name="live"/> was a full Wait queue: offers to the rest first, so
    /// none waits for another's room, then blocks on each full Wait queue in turn.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void WaitForRoom(AsyncEventQueue<TListener, TEvent>[] live, int first, TEvent e, int kind, int thread)
    {
        QueuesToWaitOn waits = QueuesToWaitOn.OfferRest(live, first, e, kind, thread);
        int i = first;
        PostsUnderWay.BeginOwnWait(thread);
        try
        {
            for (; i < live.Length; i++)
            {
                if (waits.Contains(i))
                {
                    live[i].WaitForRoom(e, kind, thread);
                }
            }
        }
        catch
        {
            // Interrupted: queue i counted its own drop; the queues still to wait on must count theirs.
            waits.GiveUpAfter(live, i, e, kind);
            throw;
        }
        finally
        {
            PostsUnderWay.EndOwnWait();
        }
    }

    /// <summary>
    /// As <see cref="WaitForRoom"/>, awaiting each wait; a cancellation gives the event up on the rest and throws at the
    /// end. Under way in <paramref name="posts"/> until it ends, since its continuations run unmarked, on other threads.
    /// </summary>
    private static async ValueTask WaitForRoomAsync(
        PostsUnderWay posts, AsyncEventQueue<TListener, TEvent>[] live, int first, TEvent e, int kind, int thread, CancellationToken cancellationToken)
    {
        // Before the first await, so while the posting thread is still marked.
        posts.BeginAsync();
        try
        {
            QueuesToWaitOn waits = QueuesToWaitOn.OfferRest(live, first, e, kind, thread);
            for (int i = first; i < live.Length; i++)
            {
                if (!waits.Contains(i))
                {
                    continue;
                }

                EnqueueResult result = await live[i].WaitForRoomAsync(e, kind, thread, cancellationToken).ConfigureAwait(false);
                if (result != EnqueueResult.Accepted && cancellationToken.IsCancellationRequested)
                {
                    // Dropped and counted on queue i; one more try on each queue left, else a counted drop there too.
                    waits.GiveUpAfter(live, i, e, kind);
                    throw new OperationCanceledException(cancellationToken);
                }
            }
        }
        finally
        {
            posts.EndAsync();
        }
    }

    /// <summary>A post that read a state other than Started: buffered before Start, ignored after Stop.</summary>
    /// <returns>True when the bus started meanwhile, so the caller must post again (now after the buffered events).</returns>
    private bool PostNotRunning(TEvent e, int kind, PostsUnderWay.Cell cell)
    {
        switch (_lifecycle.PostNotRunning(e, kind))
        {
            case EarlyPost.Buffered:
                PostsUnderWay.Count(cell);
                return false;
            case EarlyPost.Started:
                return true;
            default:
                return false;
        }
    }

    /// <summary>Spark's removeListenerOnError: a listener that threw <see cref="ThreadInterruptedException"/> leaves every queue.</summary>
    private void RemoveListenerOnError(TListener listener) => RemoveListener(listener);

    /// <summary>
    /// Under the bus lock: folds the final counters of retired queues whose thread ended into the stats, and lets them
    /// (and their rings) go. Runs on GetStats and AddToQueue, so add/remove cycles do not pile up retired rings. The
    /// caller reports their last drops once it has released the lock.
    /// </summary>
    private List<AsyncEventQueue<TListener, TEvent>> FoldExitedRetired()
    {
        List<AsyncEventQueue<TListener, TEvent>> exited = _registry.TakeExited();
        foreach (AsyncEventQueue<TListener, TEvent> queue in exited)
        {
            _stats.Fold(queue);
        }

        return exited;
    }

    private AsyncEventQueue<TListener, TEvent>[] AllQueues()
    {
        lock (_registry.Gate)
        {
            return _registry.All;
        }
    }
}
