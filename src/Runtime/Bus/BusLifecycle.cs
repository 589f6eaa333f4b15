using System;
using System.Threading;
using System.Threading.Tasks;

namespace GeneratedBus;

/// <summary>
/// The state machine of a <see cref="LiveListenerBus{TListener, TEvent}"/>: not started (posts are buffered), started,
/// stopped (final). Start, Stop and Dispose, the joining or abandoning of queues, how a new queue joins the bus in
/// each state, and what a post does before Start and after Stop.
/// </summary>
/// <remarks>
/// Start and the start buffer run under the bus lock (<see cref="QueueRegistry{TListener, TEvent}.Gate"/>); Stop flips
/// the state without it, so the post path, which reads the state lock-free, refuses events at once.
/// </remarks>
internal sealed class BusLifecycle<TListener, TEvent>
    where TListener : class
    where TEvent : class
{
    public const int NotStarted = 0;
    public const int Started = 1;
    public const int Stopped = 2;

    private readonly BusContext _context;
    private readonly QueueRegistry<TListener, TEvent> _registry;
    private readonly DropReporter<TListener, TEvent> _drops;
    private readonly UnmatchedQueueSettings _settings;
    private readonly object _owner;
    private readonly ManualResetEventSlim _stopDone = new(false);

    // Completed with _stopDone, for a StopAsync that finds another call stopping the bus.
    private readonly TaskCompletionSource _stopDoneAsync = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // Under the bus lock.
    private readonly StartBuffer<TEvent> _startBuffer;
    private int _state;

    // Set by the first RequestStop, which starts the one stopper thread.
    private int _stopRequested;

    /// <param name="context">The bus's shared settings.</param>
    /// <param name="registry">The bus's queues and its lock.</param>
    /// <param name="drops">Reports drops on a schedule from Start, and at Stop.</param>
    /// <param name="settings">The per-queue settings, checked against the queues at Start and Stop.</param>
    /// <param name="owner">The bus: its dispatch threads are marked with it (see <see cref="ConsumerThread"/>).</param>
    public BusLifecycle(
        BusContext context,
        QueueRegistry<TListener, TEvent> registry,
        DropReporter<TListener, TEvent> drops,
        UnmatchedQueueSettings settings,
        object owner)
    {
        _context = context;
        _registry = registry;
        _drops = drops;
        _settings = settings;
        _owner = owner;
        _startBuffer = new StartBuffer<TEvent>(registry.Gate);
    }

    /// <summary>The state, read lock-free by the post path.</summary>
    // Acquire: pairs with Start's release, so the buffered events were offered before anything posted after.
    public int State => Volatile.Read(ref _state);

    /// <summary>Under the bus lock: events refused by the full start buffer.</summary>
    public long StartBufferDropped
    {
        get
        {
            Invariant.LockHeld(_registry.Gate, "the start buffer is read under the bus lock");
            return _startBuffer.Dropped;
        }
    }

    /// <summary>Starts every queue and delivers the events buffered so far, in order. All or nothing: see <see cref="StartAllOrNone"/>.</summary>
    /// <exception cref="InvalidOperationException">The bus was started (or stopped, or disposed) before.</exception>
    public void Start()
    {
        lock (_registry.Gate)
        {
            if (_state != NotStarted)
            {
                throw new InvalidOperationException(
                    $"Bus {_context.Name} was {(_state == Started ? "already started" : "stopped")}; a bus starts once.");
            }

            AsyncEventQueue<TListener, TEvent>[] queues = _registry.Live;
            StartAllOrNone(queues);

            foreach ((TEvent e, int kind) in _startBuffer.Events)
            {
                foreach (AsyncEventQueue<TListener, TEvent> queue in queues)
                {
                    // Never waits here, under the bus lock a listener may need: the default buffer fits every Wait
                    // queue (see StartBufferDefault), and a larger one configured by hand drops and counts the rest.
                    queue.OfferOrDrop(e, kind);
                }
            }

            _startBuffer.Clear();

            // Release, last: a producer that sees Started posts after the buffered events, never before them.
            Volatile.Write(ref _state, Started);
            _settings.Report(_registry.HasHad, "at Start");
        }
    }

    /// <summary>
    /// Under the bus lock: Start's steps that can fail (a thread that cannot be created, a clock that cannot make the
    /// drop-report timer), all before any thread touches a queue. On failure the threads started so far end unused and
    /// the exception propagates: the bus is as it was, not started, its buffer kept, and Start may be tried again.
    /// </summary>
    private void StartAllOrNone(AsyncEventQueue<TListener, TEvent>[] queues)
    {
        int held = 0;
        try
        {
            for (; held < queues.Length; held++)
            {
                queues[held].StartHeld();
            }

            _drops.StartSchedule();
        }
        catch
        {
            for (int i = 0; i < held; i++)
            {
                queues[i].Recall();
            }

            throw;
        }

        foreach (AsyncEventQueue<TListener, TEvent> queue in queues)
        {
            queue.Release();
        }
    }

    /// <summary>A post while the state read was not Started: buffered before Start, ignored after Stop.</summary>
    public EarlyPost PostNotRunning(TEvent e, int kind)
    {
        int capacity;
        lock (_registry.Gate)
        {
            if (_state != NotStarted)
            {
                // Started while we waited for the lock: Start offered the buffer first, so posting now keeps the order.
                return _state == Stopped ? EarlyPost.Ignored : EarlyPost.Started;
            }

            capacity = _context.StartBufferCapacity ?? _registry.StartBufferDefault;
            if (_startBuffer.TryAdd(e, kind, capacity))
            {
                return EarlyPost.Buffered;
            }

            if (_startBuffer.Dropped != 1)
            {
                return EarlyPost.Refused;
            }
        }

        // The first refusal, logged once, outside the bus lock.
        _context.LogPump.Write(() => _context.Logger.StartBufferFull(_context.Name, capacity));
        _context.LogPump.Write(() => BusEventSource.Instance.DropsBegan(_context.Name, "(start buffer)", capacity, "the bus was not started and its start buffer is full"));
        return EarlyPost.Refused;
    }

    /// <summary>
    /// Under the bus lock, first step of every add to an existing queue: refuses a listener once the bus is stopped
    /// and the queue delivers nothing more (Stop or Dispose has finished, or its thread has ended), where the listener
    /// would wait for events forever, unseen. While Stop drains the queue, the listener gets what it still delivers.
    /// A new queue is refused from the moment Stop begins (see <see cref="AddQueue"/>).
    /// </summary>
    /// <exception cref="InvalidOperationException">The bus was stopped or disposed, and the queue delivers nothing more.</exception>
    public void RefuseListenerIfStopped(AsyncEventQueue<TListener, TEvent> existing)
    {
        Invariant.LockHeld(_registry.Gate, "listeners are added under the bus lock");
        if (State == Stopped && (_stopDone.IsSet || existing.HasExited))
        {
            string queue = existing.Name;
            throw new InvalidOperationException(
                $"Bus {_context.Name} is stopped; a listener added to queue {queue} would never get an event. Add listeners before Stop.");
        }
    }

    /// <summary>
    /// Under the bus lock: makes a queue for <paramref name="listener"/>, starts it if the bus runs, and publishes it
    /// to posts. Refused once the bus stopped: a queue made then would never start.
    /// </summary>
    /// <param name="name">The queue name, not yet in use.</param>
    /// <param name="listener">Its first listener, in before any event can reach the queue.</param>
    /// <param name="beforePublish">A test seam run with the new queue just before it is published.</param>
    /// <exception cref="InvalidOperationException">The bus was stopped or disposed.</exception>
    /// <exception cref="OutOfMemoryException">Its dispatch thread could not be created; no queue was made.</exception>
    public void AddQueue(string name, TListener listener, Action<object>? beforePublish)
    {
        Invariant.LockHeld(_registry.Gate, "queues are created under the bus lock");

        // One read decides both questions: Stop flips the state without the lock, so a second read could see Stopped
        // after the first saw Started and publish a queue that is never started. Stop lists queues under the lock,
        // so a queue started here is closed and joined by a Stop that raced this call.
        int state = State;
        if (state == Stopped)
        {
            // Like Spark's IllegalStateException: a queue made now would never start, so say so instead.
            throw new InvalidOperationException(
                $"Bus {_context.Name} is stopped; it cannot create queue {name}. Add listeners to new queues before Stop.");
        }

        AsyncEventQueue<TListener, TEvent> created = _registry.Create(name);

        // The listener is in before the queue is visible to posts, so the queue's first event reaches it.
        created.Listeners.Add(listener);
        if (state == Started)
        {
            // Before anything can see the queue: a thread that cannot be created throws here and leaves nothing behind.
            created.Start();
        }

        _drops.Track(created);
        beforePublish?.Invoke(created);
        _registry.Publish(created);
    }

    /// <summary>
    /// Refuses new events, lets every queue drain what it accepted, and joins the dispatch threads, waiting at most
    /// <see cref="BusOptions.ExitTimeout"/> per queue. A second call does nothing.
    /// </summary>
    /// <exception cref="InvalidOperationException">
    /// The bus was neither started nor disposed, or it runs and this is one of its dispatch threads.
    /// </exception>
    public void Stop()
    {
        bool onDispatchThread = CheckStoppable();
        StopCore(join: !onDispatchThread);
    }

    /// <summary>
    /// As <see cref="Stop"/>, awaiting each queue's thread instead of blocking on it. A cancelled token gives up the
    /// waits as ExitTimeout does: every queue not yet ended is logged and abandoned, and the task completes.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (CheckStoppable() || !TryBeginStop())
        {
            // Another call stops (or stopped) the bus: wait for it, or on a dispatch thread, not at all (it could be
            // waiting for this thread). A cancelled wait gives up; that call abandons what it must.
            if (!ConsumerThread.IsOwnedBy(_owner))
            {
                await Task.WhenAny(_stopDoneAsync.Task, Task.Delay(Timeout.Infinite, cancellationToken)).ConfigureAwait(false);
            }

            return;
        }

        try
        {
            foreach (AsyncEventQueue<TListener, TEvent> queue in CloseAll())
            {
                if (!await queue.JoinAsync(_context.ExitTimeout, cancellationToken).ConfigureAwait(false))
                {
                    Abandon(queue, cancellationToken.IsCancellationRequested);
                }
            }
        }
        finally
        {
            // Its abandonment entries are written before it completes, as Stop's are (at most ExitTimeout).
            FinishStop(join: true);
        }
    }

    /// <summary>
    /// Stops the bus on a thread of its own and returns at once: the one way to stop it from a listener, whose
    /// dispatch thread <see cref="Stop"/> would have to join. Idempotent: every call returns the same task.
    /// </summary>
    /// <returns>A task that completes once the bus is stopped (by this request or any other Stop or Dispose).</returns>
    /// <exception cref="InvalidOperationException">The bus was never started.</exception>
    public Task RequestStop()
    {
        // A dispatch thread may deliver the buffered events while Start, which released it, still holds the bus lock
        // and has not yet published Started: for its listener the bus has started, and the stopper waits for Start.
        if (State == NotStarted && !ConsumerThread.IsOwnedBy(_owner))
        {
            throw new InvalidOperationException($"Bus {_context.Name} was not started; RequestStop needs a started bus.");
        }

        // One stopper thread however many requests: the first to flip the flag starts it. A dedicated thread, not
        // the pool, so a starved pool cannot delay the stop, and never a dispatch thread, which Stop must join.
        if (State != Stopped && Interlocked.Exchange(ref _stopRequested, 1) == 0)
        {
            var stopper = new Thread(RunRequestedStop) { IsBackground = true, Name = $"GeneratedBus-{_context.Name}-stop" };
            stopper.Start();
        }

        return _stopDoneAsync.Task;
    }

    /// <summary>The stopper thread of <see cref="RequestStop"/>: a Stop from outside the bus, which never throws here.</summary>
    private void RunRequestedStop()
    {
        try
        {
            // Start holds the bus lock until it has published Started: past the lock, the bus has started.
            lock (_registry.Gate)
            {
                Invariant.Holds(_state != NotStarted, "a stop is requested only of a bus whose dispatch threads run");
            }

            StopCore(join: true);
        }
        catch (ThreadInterruptedException)
        {
            // Nobody interrupts this thread but a user who found it; the queues are closed and drain on their own.
        }
    }

    /// <summary>The checks Stop and StopAsync share.</summary>
    /// <returns>Whether the caller is a dispatch thread of a bus already stopped (so it must not wait).</returns>
    /// <exception cref="InvalidOperationException">Not started, or started and called on one of its dispatch threads.</exception>
    private bool CheckStoppable()
    {
        int state = State;
        if (state == NotStarted)
        {
            throw new InvalidOperationException($"Bus {_context.Name} was not started; Stop needs a started bus.");
        }

        bool onDispatchThread = ConsumerThread.IsOwnedBy(_owner);
        if (state == Started && onDispatchThread)
        {
            throw new InvalidOperationException(
                $"Stop was called on a dispatch thread of bus {_context.Name} (from a listener); it would wait for itself. Call RequestStop, which stops the bus from a thread of its own.");
        }

        return onDispatchThread;
    }

    /// <summary>
    /// Dispose's part: stops a running bus. A bus never started refuses later posts and Start, and counts the events
    /// it buffered as dropped on each queue (see <see cref="DiscardStartBuffer"/>).
    /// </summary>
    /// <remarks>The caller absorbs an interrupt at one of the waits and runs this again (see <see cref="Uninterruptible"/>).</remarks>
    public void Dispose()
    {
        int discarded = 0;
        int queues = 0;
        lock (_registry.Gate)
        {
            if (_state == NotStarted)
            {
                // Never started: no thread to join; drop the buffer and refuse later posts and Start.
                _state = Stopped;
                (discarded, queues) = DiscardStartBuffer();
                _stopDone.Set();
                _stopDoneAsync.TrySetResult();
            }
        }

        if (discarded > 0)
        {
            // Written before Dispose returns (at most ExitTimeout), as Stop's entries are: a process that exits
            // next must not lose the only record of these events.
            _context.LogPump.Write(() => _context.Logger.StartBufferDiscarded(_context.Name, discarded, queues));
            _context.LogPump.Write(() => BusEventSource.Instance.EventsLost(_context.Name, discarded, "disposed before Start"));
            if (Uninterruptible.Run(FlushLog))
            {
                Thread.CurrentThread.Interrupt();
            }
        }

        if (ConsumerThread.IsOwnedBy(_owner))
        {
            // Logged by the call that stops the bus, not by a later one, which does nothing.
            if (State == Started)
            {
                _context.LogPump.Write(() => _context.Logger.DisposeOnDispatchThread(_context.Name));
            }

            StopCore(join: false);
        }
        else
        {
            StopCore(join: true);
        }
    }

    /// <summary>
    /// Under the bus lock, for a bus disposed before Start: its buffered events were counted in EventsPosted, so each
    /// queue Start would have offered them to counts them as posted and dropped, and the buffer is emptied.
    /// </summary>
    /// <returns>How many events were discarded, and on how many queues they were counted.</returns>
    private (int Discarded, int Queues) DiscardStartBuffer()
    {
        int discarded = _startBuffer.Events.Count;
        AsyncEventQueue<TListener, TEvent>[] queues = _registry.Live;
        foreach (AsyncEventQueue<TListener, TEvent> queue in queues)
        {
            queue.CountNeverOffered(discarded);
        }

        _startBuffer.Clear();
        return (discarded, queues.Length);
    }

    /// <summary>
    /// Waits up to ExitTimeout for a closed queue's thread; if it is stuck in a listener, logs how many events are
    /// left and abandons the queue, so they are counted as dropped once the listener returns.
    /// </summary>
    public void JoinOrAbandon(AsyncEventQueue<TListener, TEvent> queue)
    {
        if (!queue.Join(_context.ExitTimeout))
        {
            Abandon(queue, cancelled: false);
        }
    }

    /// <summary>Logs how many events a queue whose thread did not end still holds, and abandons it.</summary>
    private void Abandon(AsyncEventQueue<TListener, TEvent> queue, bool cancelled)
    {
        QueueStats stats = queue.GetStats(out long inFlight);
        long remaining = stats.Size + inFlight;
        if (cancelled)
        {
            _context.LogPump.Write(() => _context.Logger.StopCancelled(queue.Name, _context.Name, remaining));
        }
        else
        {
            _context.LogPump.Write(() => _context.Logger.ExitTimeout(queue.Name, _context.Name, _context.ExitTimeout, remaining));
        }

        queue.Abandon();
    }

    private void StopCore(bool join)
    {
        if (!TryBeginStop())
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
            AsyncEventQueue<TListener, TEvent>[] queues = CloseAll();
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
            FinishStop(join);
        }
    }

    /// <summary>Flips Started to Stopped, refusing new posts; false if another call did (or the bus never started).</summary>
    private bool TryBeginStop() => Interlocked.CompareExchange(ref _state, Stopped, Started) == Started;

    /// <summary>Closes every queue, so each drains what it accepted and ends.</summary>
    /// <returns>The queues, to join.</returns>
    /// <exception cref="ThreadInterruptedException">The wait for the bus lock was interrupted; every queue is closed anyway.</exception>
    private AsyncEventQueue<TListener, TEvent>[] CloseAll()
    {
        // Stop has already refused new posts, so an interrupt that hits the wait for the bus lock must not leave
        // the queues open: their events would never be delivered nor counted as dropped.
        AsyncEventQueue<TListener, TEvent>[] queues = Uninterruptible.Run(QueuesToClose, out bool interrupted);

        // Counters final when Stop returns: first end every wait for room, so that no post under way waits, then let
        // the posts that saw the bus running finish with every queue while the rings are still open (each event
        // they counted reaches every queue), and only then close the rings.
        foreach (AsyncEventQueue<TListener, TEvent> queue in queues)
        {
            queue.EndWaits();
        }

        interrupted |= Uninterruptible.Run(WaitForPostsUnderWay);
        foreach (AsyncEventQueue<TListener, TEvent> queue in queues)
        {
            queue.Close();
        }

        if (interrupted)
        {
            // Every queue is closed, so each drains and ends on its own; only the join is given up.
            throw new ThreadInterruptedException($"Stop of bus {_context.Name} was interrupted; its queues drain on their own.");
        }

        return queues;
    }

    /// <summary>The end of every stop, whether its joins finished or not.</summary>
    /// <param name="join">Whether this stop joins (not from a dispatch thread): then it also waits for its log entries.</param>
    private void FinishStop(bool join)
    {
        // Even when this thread is interrupted in a join: the queues are closed and end on their own, and a
        // later Stop or Dispose, which waits for _stopDone, must not wait forever. The final drop report takes
        // a lock; an interrupt pending there is absorbed and handed back to the thread rather than thrown from
        // here, where it would skip _stopDone.
        _drops.StopSchedule();
        bool interrupted = Uninterruptible.Run(_drops.ReportAll);
        if (join)
        {
            // Stop's own entries are written by the log pump: wait for them, as for a queue, at most ExitTimeout.
            interrupted |= Uninterruptible.Run(FlushLog);
        }

        _stopDone.Set();
        _stopDoneAsync.TrySetResult();
        if (interrupted)
        {
            Thread.CurrentThread.Interrupt();
        }
    }

    /// <summary>Waits, at most ExitTimeout, for the log entries handed to the pump so far to be written.</summary>
    private void FlushLog() => _context.LogPump.Flush(_context.ExitTimeout);

    /// <summary>Waits, at most ExitTimeout, for the posts that saw the bus running (see <see cref="PostsUnderWay"/>).</summary>
    private void WaitForPostsUnderWay() => _context.Posts.WaitForPostsBefore(_context.ExitTimeout);

    /// <summary>Every queue, for Stop to close; and, under the same lock, the warning of settings no queue used.</summary>
    private AsyncEventQueue<TListener, TEvent>[] QueuesToClose()
    {
        lock (_registry.Gate)
        {
            _settings.Report(_registry.HasHad, "at Stop");
            return _registry.All;
        }
    }

    /// <summary>
    /// The process is exiting: logs (directly, the log pump may never run again) how many accepted events the bus
    /// still holds, which end with the process: waiting or in flight in a queue, or buffered before Start.
    /// </summary>
    public void ReportLossAtExit()
    {
        int state = State;
        long lost = state == NotStarted ? BufferedAtExit() : HeldByQueues();
        if (lost > 0)
        {
            string described = state switch { NotStarted => "not started", Started => "running", _ => "stopping" };
            Log.Safely(() => _context.Logger.EventsLostAtExit(_context.Name, lost, described));
            Log.Safely(() => BusEventSource.Instance.EventsLost(_context.Name, lost, "the process exited before the bus was stopped"));
        }
    }

    /// <summary>
    /// The bus was garbage-collected without Dispose (its finalizer): a bus never started loses its start buffer. A
    /// bus that runs is never collected (its dispatch threads hold it), nor one that is stopping.
    /// </summary>
    public void ReportLossIfCollected()
    {
        if (State == NotStarted)
        {
            // Unreachable: nothing else can hold the bus lock.
            long lost = BufferedAtExit();
            if (lost > 0)
            {
                Log.Safely(() => _context.Logger.UnreachableBusLostEvents(_context.Name, lost));
                Log.Safely(() => BusEventSource.Instance.EventsLost(_context.Name, lost, "garbage-collected before Start or Dispose"));
            }
        }
    }

    /// <summary>The start buffer's size; the bus lock is taken with a bound, since an exiting process must not hang on it.</summary>
    private long BufferedAtExit()
    {
        if (!Monitor.TryEnter(_registry.Gate, TimeSpan.FromSeconds(1)))
        {
            return 0;
        }

        try
        {
            return _startBuffer.Events.Count;
        }
        finally
        {
            Monitor.Exit(_registry.Gate);
        }
    }

    /// <summary>Lock-free: the events waiting or in flight in the live queues (an abandoned queue's included).</summary>
    private long HeldByQueues()
    {
        long held = 0;
        foreach (AsyncEventQueue<TListener, TEvent> queue in _registry.Live)
        {
            QueueStats stats = queue.GetStats(out long inFlight);
            held += stats.Size + inFlight;
        }

        return held;
    }
}

/// <summary>What a post that found the bus not running became (see <see cref="BusLifecycle{TListener, TEvent}.PostNotRunning"/>).</summary>
internal enum EarlyPost
{
    /// <summary>Held for Start: counts as posted.</summary>
    Buffered,

    /// <summary>The start buffer was full: dropped, counted in <see cref="BusStats.StartBufferDropped"/>.</summary>
    Refused,

    /// <summary>The bus stopped: ignored.</summary>
    Ignored,

    /// <summary>The bus started meanwhile: post again, now after the buffered events.</summary>
    Started,
}
