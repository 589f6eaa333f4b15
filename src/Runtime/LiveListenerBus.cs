using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Threading;

namespace GeneratedBus;

/// <summary>
/// An asynchronous listener bus of named queues. Each queue is bounded, has its own dispatch thread named after it,
/// and drops (and counts) events when full, so one slow listener never stalls the others or the poster.
/// </summary>
/// <typeparam name="TListener">The listener interface, usually generated (<c>ISchedulerListener</c>).</typeparam>
/// <typeparam name="TEvent">The event root (<c>SchedulerEvent</c>).</typeparam>
public abstract class LiveListenerBus<TListener, TEvent> : IDisposable, IBusMetricsSource
    where TListener : class
    where TEvent : class
{
    /// <summary>The queue <see cref="AddToSharedQueue"/> adds to.</summary>
    public const string SharedQueue = "shared";

    private const int NotStarted = 0;
    private const int Started = 1;
    private const int Stopped = 2;

    private readonly BusContext _context;
    private readonly Dictionary<string, int> _capacities;
    private readonly DispatcherBinding<TListener, TEvent> _dispatcher;
    private readonly DispatchHook<TListener, TEvent> _hook;
    private readonly Action<TListener> _onInterrupted;
    private readonly ThreadCounter _posted = new();
    private readonly ManualResetEventSlim _stopDone = new(false);

    // Guards queue creation and retirement, the start buffer, Start and the retired totals: never the post path.
    private readonly object _gate = new();

    // Guards the drop reports (timer callback, Stop, folding a retired queue). Taken after _gate, never before.
    private readonly object _reportGate = new();

    private readonly StartBuffer<TEvent> _startBuffer = new();
    private readonly List<AsyncEventQueue<TListener, TEvent>> _retired = new();
    private readonly Dictionary<string, QueueStats> _retiredQueueTotals = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, ListenerStats> _retiredListenerTotals = new();

    // Copy-on-write under _gate; the post path reads it with Volatile.Read and never locks.
    private AsyncEventQueue<TListener, TEvent>[] _queues = [];
    private int _state;
    private int _disposed;
    private ITimer? _dropTimer;

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
        _capacities = new Dictionary<string, int>(valid.QueueCapacities, StringComparer.Ordinal);
        _dispatcher = dispatcher;
        _hook = dispatcher.Dispatch;
        _onInterrupted = RemoveListenerOnError;
        BusMetrics.Register(this);
    }

    /// <summary>
    /// Whether Stop or Dispose has begun (or ended): set at its start, before any queue is closed or joined, and never
    /// cleared. For tests that must know a Stop is under way without guessing from thread states.
    /// </summary>
    internal bool IsStopping => Volatile.Read(ref _state) == Stopped;

    /// <summary>
    /// Test seam, <see langword="null"/> in production: called by AddToQueue with the new queue after it read the
    /// bus state and before it publishes the queue, under the gate, so a test can start Stop at exactly that point.
    /// Costs one field read on queue creation, a rare path that takes a lock anyway.
    /// </summary>
    internal Action<object>? BeforeQueuePublished { get; set; }

    /// <summary>The names of the queues that have listeners, in ordinal order.</summary>
    public IReadOnlyCollection<string> ActiveQueues =>
        Volatile.Read(ref _queues).Select(q => q.Name).Order(StringComparer.Ordinal).ToArray();

    /// <summary>Every listener of every queue: a snapshot.</summary>
    public IReadOnlyList<TListener> Listeners =>
        Volatile.Read(ref _queues).SelectMany(q => q.Listeners.Listeners()).ToArray();

    string IBusMetricsSource.BusName => _context.Name;

    // Lock-free: the posted counter alone, not GetStats, which locks the bus and snapshots every queue and timer.
    long IBusMetricsSource.EventsPosted => _posted.Sum();

    /// <summary>Adds a listener to the <see cref="SharedQueue"/>.</summary>
    /// <param name="listener">The listener.</param>
    public void AddToSharedQueue(TListener listener) => AddToQueue(listener, SharedQueue);

    /// <summary>Adds a listener to the named queue, creating the queue (and starting it, if the bus runs) on first use.</summary>
    /// <param name="listener">The listener.</param>
    /// <param name="queue">The queue name.</param>
    /// <exception cref="ArgumentNullException"><paramref name="listener"/> or <paramref name="queue"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="queue"/> is empty.</exception>
    /// <exception cref="InvalidOperationException">The bus was stopped or disposed and has no queue of that name.</exception>
    public void AddToQueue(TListener listener, string queue)
    {
        ArgumentNullException.ThrowIfNull(listener);
        BusOptionsValidation.CheckQueueName(queue);
        lock (_gate)
        {
            FoldExitedRetired();
            AsyncEventQueue<TListener, TEvent>? existing = Array.Find(_queues, q => q.Name == queue);
            if (existing is not null)
            {
                // Also while Stop drains: the listener gets whatever the queue still delivers.
                existing.Listeners.Add(listener);
                return;
            }

            // One read decides both questions: Stop flips _state without _gate, so a second read could see Stopped
            // after the first saw Started and publish a queue that is never started. Stop lists queues under _gate,
            // so a queue started here is closed and joined by a Stop that raced this call.
            int state = Volatile.Read(ref _state);
            if (state == Stopped)
            {
                // Like Spark's IllegalStateException: a queue made now would never start, so say so instead.
                throw new InvalidOperationException(
                    $"Bus {_context.Name} is stopped; it cannot create queue {queue}. Add listeners to new queues before Stop.");
            }

            var created = new AsyncEventQueue<TListener, TEvent>(
                queue,
                _capacities.TryGetValue(queue, out int capacity) ? capacity : _context.QueueCapacity,
                _context,
                this,
                _hook,
                _onInterrupted);

            // The listener is in before the queue is visible to posts, so the queue's first event reaches it.
            created.Listeners.Add(listener);
            BeforeQueuePublished?.Invoke(created);
            Volatile.Write(ref _queues, [.. _queues, created]);
            if (state == Started)
            {
                created.Start();
            }
        }
    }

    /// <summary>Removes a listener from every queue; a queue left empty is stopped.</summary>
    /// <param name="listener">The listener.</param>
    /// <returns>Whether any queue had it.</returns>
    public bool RemoveListener(TListener listener)
    {
        ArgumentNullException.ThrowIfNull(listener);
        bool removed = RemoveEverywhere(listener, out List<AsyncEventQueue<TListener, TEvent>> emptied);

        // A dispatch thread must not join itself or another queue (it may be waited on); the emptied queues drain
        // their few remaining events (to no listener) and end on their own.
        if (!DispatchThread.IsOwnedBy(this))
        {
            foreach (AsyncEventQueue<TListener, TEvent> queue in emptied)
            {
                JoinOrAbandon(queue);
            }
        }

        return removed;
    }

    /// <summary>The listeners of type <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The type to look for.</typeparam>
    public IEnumerable<T> FindListenersByType<T>() => Listeners.OfType<T>().ToArray();

    /// <summary>
    /// Offers <paramref name="e"/> to every queue. Never blocks: a full queue drops it and counts the drop. Before
    /// <see cref="Start"/> the event is buffered; after <see cref="Stop"/> it is ignored.
    /// </summary>
    /// <param name="e">The event.</param>
    /// <exception cref="ArgumentNullException"><paramref name="e"/> is null.</exception>
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

        PostChecked(e, kind);
    }

    /// <summary>Starts every queue and delivers the events buffered so far, in order.</summary>
    /// <exception cref="InvalidOperationException">The bus was started (or stopped, or disposed) before.</exception>
    public void Start()
    {
        lock (_gate)
        {
            if (_state != NotStarted)
            {
                throw new InvalidOperationException(
                    $"Bus {_context.Name} was {(_state == Started ? "already started" : "stopped")}; a bus starts once.");
            }

            AsyncEventQueue<TListener, TEvent>[] queues = _queues;
            foreach (AsyncEventQueue<TListener, TEvent> queue in queues)
            {
                queue.Start();
            }

            foreach ((TEvent e, int kind) in _startBuffer.Events)
            {
                foreach (AsyncEventQueue<TListener, TEvent> queue in queues)
                {
                    queue.Offer(e, kind);
                }
            }

            _startBuffer.Clear();
            TimeSpan interval = _context.DropReportInterval;
            if (interval != Timeout.InfiniteTimeSpan)
            {
                _dropTimer = _context.TimeProvider.CreateTimer(static s => ((LiveListenerBus<TListener, TEvent>)s!).ReportDrops(), this, interval, interval);
            }

            // Release, last: a producer that sees Started posts after the buffered events, never before them.
            Volatile.Write(ref _state, Started);
        }
    }

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
    /// The bus was neither started nor disposed, or it runs and this is one of its dispatch threads.
    /// </exception>
    public void Stop()
    {
        int state = Volatile.Read(ref _state);
        if (state == NotStarted)
        {
            throw new InvalidOperationException($"Bus {_context.Name} was not started; Stop needs a started bus.");
        }

        bool onDispatchThread = DispatchThread.IsOwnedBy(this);
        if (state == Started && onDispatchThread)
        {
            throw new InvalidOperationException(
                $"Stop was called on a dispatch thread of bus {_context.Name} (from a listener); it would wait for itself. Stop the bus from another thread.");
        }

        StopCore(join: !onDispatchThread);
    }

    /// <summary>Waits until every queue is empty and idle.</summary>
    /// <param name="timeout">How long to wait; <see cref="Timeout.InfiniteTimeSpan"/> for no limit.</param>
    /// <exception cref="TimeoutException">A queue still held events when the time ran out.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative and not infinite.</exception>
    /// <exception cref="InvalidOperationException">This is a dispatch thread of this bus.</exception>
    public void WaitUntilEmpty(TimeSpan timeout) => WaitUntilEmpty(timeout, CancellationToken.None);

    /// <summary>Waits until every queue is empty and idle, or the token is cancelled.</summary>
    /// <param name="timeout">How long to wait; <see cref="Timeout.InfiniteTimeSpan"/> for no limit.</param>
    /// <param name="cancellationToken">Ends the wait early with <see cref="OperationCanceledException"/>.</param>
    /// <exception cref="TimeoutException">A queue still held events when the time ran out.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative and not infinite.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="InvalidOperationException">This is a dispatch thread of this bus.</exception>
    public void WaitUntilEmpty(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (timeout < TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "The timeout must be zero or more, or infinite.");
        }

        if (DispatchThread.IsOwnedBy(this))
        {
            // The event this listener is handling is in flight until it returns: the wait could never succeed.
            throw new InvalidOperationException(
                $"WaitUntilEmpty was called on a dispatch thread of bus {_context.Name} (from a listener); it would wait for itself.");
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
        lock (_gate)
        {
            FoldExitedRetired();
            var queues = new Dictionary<string, QueueStats>(_retiredQueueTotals, StringComparer.Ordinal);
            var listeners = new Dictionary<Type, ListenerStats>(_retiredListenerTotals);
            foreach (AsyncEventQueue<TListener, TEvent> queue in _retired.Concat(_queues))
            {
                Accumulate(queues, listeners, queue);
            }

            return new BusStats(_posted.Sum(), queues, listeners) { StartBufferDropped = _startBuffer.Dropped };
        }
    }

    /// <summary>Stops the bus if it runs and releases its resources.</summary>
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Stops the bus if it runs and releases its resources. Never throws; safe to call twice.</summary>
    /// <param name="disposing">Whether this is called from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (!disposing || Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        // Never throws: an interrupt that fires at one of the waits of DisposeCore is handed back to the thread. A
        // Stop interrupted in its join has closed every queue; run again, it finds the bus stopped and returns.
        bool interrupted = Uninterruptible.Run(DisposeCore);
        BusMetrics.Unregister(this);
        if (interrupted)
        {
            Thread.CurrentThread.Interrupt();
        }
    }

    private void DisposeCore()
    {
        lock (_gate)
        {
            if (_state == NotStarted)
            {
                // Never started: no thread to join; drop the buffer and refuse later posts and Start.
                _state = Stopped;
                _startBuffer.Clear();
                _stopDone.Set();
            }
        }

        if (DispatchThread.IsOwnedBy(this))
        {
            Log.Safely(() => _context.Logger.DisposeOnDispatchThread(_context.Name));
            StopCore(join: false);
        }
        else
        {
            StopCore(join: true);
        }
    }

    [DoesNotReturn]
    private static void ThrowNullEvent() => throw new ArgumentNullException("e");

    /// <summary>The post path behind <see cref="Post(TEvent)"/> and <see cref="PostWithKind"/>, which checked <paramref name="e"/> for null.</summary>
    private void PostChecked(TEvent e, int kind)
    {
        // Acquire: pairs with Start's release, so the buffered events were offered before anything posted here.
        int state = Volatile.Read(ref _state);
        if (state == Started)
        {
            _posted.Increment();
            foreach (AsyncEventQueue<TListener, TEvent> queue in Volatile.Read(ref _queues))
            {
                queue.Offer(e, kind);
            }

            return;
        }

        // Stopped is final, so a post after Stop is ignored without taking the lock Stop itself needs.
        if (state != Stopped)
        {
            PostNotRunning(e, kind);
        }
    }

    private void PostNotRunning(TEvent e, int kind)
    {
        lock (_gate)
        {
            if (_state == NotStarted)
            {
                int capacity = _context.StartBufferCapacity
                    ?? (_queues.Length == 0 ? _context.QueueCapacity : _queues.Max(q => q.Capacity));
                if (_startBuffer.TryAdd(e, kind, capacity))
                {
                    _posted.Increment();
                }
                else if (_startBuffer.Dropped == 1)
                {
                    Log.Safely(() => _context.Logger.StartBufferFull(_context.Name, capacity));
                }

                return;
            }

            if (_state == Stopped)
            {
                return;
            }
        }

        // Started while we waited for the lock: Start offered the buffer first, so posting now keeps the order.
        PostChecked(e, kind);
    }

    /// <summary>Spark's removeListenerOnError: a listener that threw <see cref="ThreadInterruptedException"/> leaves every queue.</summary>
    private void RemoveListenerOnError(TListener listener) => RemoveListener(listener);

    private bool RemoveEverywhere(TListener listener, out List<AsyncEventQueue<TListener, TEvent>> emptied)
    {
        emptied = new List<AsyncEventQueue<TListener, TEvent>>();
        bool removed = false;
        lock (_gate)
        {
            foreach (AsyncEventQueue<TListener, TEvent> queue in _queues)
            {
                // Add also runs under _gate, so "left empty" cannot be undone by a concurrent add to this queue.
                if (queue.Listeners.Remove(listener))
                {
                    removed = true;
                    if (queue.Listeners.Count == 0)
                    {
                        emptied.Add(queue);
                    }
                }
            }

            if (emptied.Count > 0)
            {
                Volatile.Write(ref _queues, _queues.Except(emptied).ToArray());
                foreach (AsyncEventQueue<TListener, TEvent> queue in emptied)
                {
                    // With no listeners, what it holds is processed at once; then its thread ends.
                    queue.Close();
                    _retired.Add(queue);
                    Log.Safely(() => _context.Logger.QueueRetired(queue.Name, _context.Name));
                }
            }
        }

        return removed;
    }

    private void StopCore(bool join)
    {
        if (Interlocked.CompareExchange(ref _state, Stopped, Started) != Started)
        {
            // Another call stops (or stopped) the bus; wait for it unless that could be waiting for this thread.
            if (join)
            {
                _stopDone.Wait();
            }

            return;
        }

        try
        {
            // Stop has already refused new posts, so an interrupt that hits the wait for the bus lock must not leave
            // the queues open: their events would never be delivered nor counted as dropped.
            AsyncEventQueue<TListener, TEvent>[] queues = Uninterruptible.Run(AllQueues, out bool interrupted);
            foreach (AsyncEventQueue<TListener, TEvent> queue in queues)
            {
                queue.Close();
            }

            if (interrupted)
            {
                // Every queue is closed, so each drains and ends on its own; only the join is given up.
                throw new ThreadInterruptedException($"Stop of bus {_context.Name} was interrupted; its queues drain on their own.");
            }

            if (join)
            {
                foreach (AsyncEventQueue<TListener, TEvent> queue in queues)
                {
                    JoinOrAbandon(queue);
                }
            }
        }
        finally
        {
            // Even when this thread is interrupted in a join: the queues are closed and end on their own, and a
            // later Stop or Dispose, which waits for _stopDone, must not wait forever. The final drop report takes
            // locks; an interrupt pending there is absorbed and handed back to the thread rather than thrown from
            // here, where it would skip _stopDone.
            Interlocked.Exchange(ref _dropTimer, null)?.Dispose();
            bool interrupted = Uninterruptible.Run(ReportDrops);
            _stopDone.Set();
            if (interrupted)
            {
                Thread.CurrentThread.Interrupt();
            }
        }
    }

    /// <summary>
    /// Waits up to ExitTimeout for a closed queue's thread; if it is stuck in a listener, logs how many events are
    /// left and abandons the queue, so they are counted as dropped once the listener returns.
    /// </summary>
    private void JoinOrAbandon(AsyncEventQueue<TListener, TEvent> queue)
    {
        if (!queue.Join(_context.ExitTimeout))
        {
            QueueStats stats = queue.GetStats(out long inFlight);
            Log.Safely(() => _context.Logger.ExitTimeout(queue.Name, _context.Name, _context.ExitTimeout, stats.Size + inFlight));
            queue.Abandon();
        }
    }

    private AsyncEventQueue<TListener, TEvent>[] AllQueues()
    {
        lock (_gate)
        {
            return [.. _retired, .. _queues];
        }
    }

    /// <summary>Logs, per queue, the drops since the last report: the drop-report timer's callback and Stop's last word.</summary>
    private void ReportDrops()
    {
        AsyncEventQueue<TListener, TEvent>[] queues = AllQueues();
        lock (_reportGate)
        {
            DateTimeOffset now = _context.TimeProvider.GetUtcNow();
            foreach (AsyncEventQueue<TListener, TEvent> queue in queues)
            {
                ReportDrops(queue, now);
            }
        }
    }

    private void ReportDrops(AsyncEventQueue<TListener, TEvent> queue, DateTimeOffset now)
    {
        if (queue.TakeDropReport(now, out long count, out DateTimeOffset since))
        {
            Log.Safely(() => _context.Logger.DropSummary(count, queue.Name, _context.Name, since));
        }
    }

    /// <summary>
    /// Under _gate: folds the final counters of retired queues whose thread ended, and lets them (and their rings) go.
    /// Runs on GetStats and AddToQueue, so add/remove cycles do not pile up retired rings.
    /// </summary>
    private void FoldExitedRetired()
    {
        for (int i = _retired.Count - 1; i >= 0; i--)
        {
            AsyncEventQueue<TListener, TEvent> queue = _retired[i];
            if (queue.HasExited)
            {
                lock (_reportGate)
                {
                    ReportDrops(queue, _context.TimeProvider.GetUtcNow());
                }

                Accumulate(_retiredQueueTotals, _retiredListenerTotals, queue);
                _retired.RemoveAt(i);
            }
        }
    }

    /// <summary>Adds a queue's counters and timers to totals by queue name and by listener type.</summary>
    private void Accumulate(
        Dictionary<string, QueueStats> queues,
        Dictionary<Type, ListenerStats> listeners,
        AsyncEventQueue<TListener, TEvent> queue)
    {
        QueueStats add = queue.GetStats();
        queues[add.Name] = queues.TryGetValue(add.Name, out QueueStats? had)
            ? add with { Size = had.Size + add.Size, Posted = had.Posted + add.Posted, Processed = had.Processed + add.Processed, Dropped = had.Dropped + add.Dropped }
            : add;
        foreach (ListenerTimer timer in queue.Listeners.Timers())
        {
            ListenerStats stats = timer.ToStats(_context.Frequency);
            listeners[stats.ListenerType] = listeners.TryGetValue(stats.ListenerType, out ListenerStats? old)
                ? stats with
                {
                    Events = old.Events + stats.Events,
                    Failures = old.Failures + stats.Failures,
                    TotalTime = old.TotalTime + stats.TotalTime,
                    MaxTime = old.MaxTime > stats.MaxTime ? old.MaxTime : stats.MaxTime,
                }
                : stats;
        }
    }
}
