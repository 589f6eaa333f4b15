using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GeneratedBus;

/// <summary>
/// A single-threaded event loop (Spark's <c>EventLoop</c>): events posted from any thread are received in order on
/// one thread named after the loop.
/// </summary>
/// <typeparam name="TEvent">The event type.</typeparam>
/// <remarks>
/// <para>
/// The queue is unbounded: <see cref="Post"/> never blocks and never drops an event while the loop runs, so
/// <see cref="OnReceive"/> must keep up. Events posted before <see cref="Start"/> wait in the queue and are received
/// once the loop starts. The loop's thread is a background thread and parks while the queue is empty.
/// </para>
/// <para>
/// Unlike Spark, a <see cref="Stop"/> from another thread does not interrupt the loop: it refuses new events, lets
/// the loop receive every event it had accepted, joins the thread and then calls <see cref="OnStop"/>. A
/// <see cref="Stop"/> from the loop's own thread, or before the thread started, cannot wait for that; the events
/// it leaves behind are logged and counted in <see cref="DiscardedOnStop"/>.
/// </para>
/// <para>
/// An interrupt of the loop's thread never ends the loop; only <see cref="Stop"/> does. Spark's loop exits quietly on
/// an interrupt, because its stop is one; this stop is not, and exiting would leave an active loop that accepts events
/// nobody receives. The loop absorbs an interrupt, whoever set it, when it waits for events; one still pending when
/// <see cref="OnReceive"/> or <see cref="OnError"/> next blocks throws <see cref="ThreadInterruptedException"/> there,
/// handled like any failure of that call. The loop's own locks and waits never throw it at a caller of
/// <see cref="Post"/>, <see cref="Start"/> or <see cref="Stop"/>: they absorb an interrupt and leave it pending on the
/// caller's thread (what <see cref="OnStart"/> or <see cref="OnStop"/> throw still propagates).
/// </para>
/// </remarks>
[DebuggerDisplay("{Name,nq}: active {IsActive}, stopped {IsStopped}, discarded {DiscardedOnStop}")]
public abstract class EventLoop<TEvent> : IDisposable
{
    private readonly string _name;
    private readonly ILogger _logger;

    // Guards the transitions of _startCalled, _startingThread, _stopped and _thread, and makes Post's
    // "not stopped, so enqueue" one step: every accepted event is in the queue before _stopped turns true.
    private readonly object _gate = new();

    private readonly ConcurrentQueue<TEvent> _queue = new();

    // One permit per accepted event, plus one released by a Stop from outside the loop. The loop parks on it.
    private readonly LoopPermits _available = new();

    // Read and written only under _gate.
    private bool _startCalled;

    // The thread running OnStart, while it runs. Read and written only under _gate.
    private Thread? _startingThread;

    // Written once, under _gate, with Volatile.Write; read without the lock (IsActive, Post's early exit) with
    // Volatile.Read, whose acquire pairs with that release.
    private bool _stopped;

    // Written once, under _gate and before the thread starts, with Volatile.Write (and cleared if the thread could not
    // be started); read with Volatile.Read by IsActive.
    private Thread? _thread;

    // Written at most once, under _gate, with Volatile.Write before OnStop runs; read with Volatile.Read.
    private long _discardedOnStop;

    // Set by a Stop running on the loop's thread and read by that same thread after the current event: no other
    // thread touches it, so it needs no barrier.
    private bool _stopRequestedByLoop;

#if DEBUG
    // Debug only, for the check that OnStop runs once: how many times Stop called it.
    private int _onStopCalls;
#endif

    /// <summary>Creates a loop that logs nothing.</summary>
    /// <param name="name">The loop's name, which is also its thread's.</param>
    protected EventLoop(string name)
        : this(name, null)
    {
    }

    /// <summary>Creates a loop.</summary>
    /// <param name="name">The loop's name, which is also its thread's.</param>
    /// <param name="loggerFactory">Where failures of <see cref="OnError"/> are logged.</param>
    protected EventLoop(string name, ILoggerFactory? loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(name);
        _name = name;
        _logger = loggerFactory?.CreateLogger(EventLoopLog.Category) ?? NullLogger.Instance;
    }

    /// <summary>The loop's name.</summary>
    public string Name => _name;

    /// <summary>Whether the loop was started and has not stopped.</summary>
    /// <remarks>False while <see cref="OnStart"/> runs, and false as soon as <see cref="Stop"/> begins.</remarks>
    public bool IsActive => Volatile.Read(ref _thread) is not null && !Volatile.Read(ref _stopped);

    /// <summary>Starts the loop's thread; a test seam, so that thread exhaustion can be simulated.</summary>
    internal Action<Thread> ThreadStarter { get; set; } = static thread => thread.Start();

    /// <summary>Whether <see cref="Stop"/> was called; from then on, posts are ignored.</summary>
    public bool IsStopped => Volatile.Read(ref _stopped);

    /// <summary>
    /// How many accepted events were never received because the loop stopped before it could receive them: set when
    /// <see cref="Stop"/> is called from the loop's own thread (inside <see cref="OnReceive"/> or <see cref="OnError"/>)
    /// or before the loop's thread started (including from <see cref="OnStart"/>), and logged as a warning when not
    /// zero. It is set before <see cref="OnStop"/> runs. A <see cref="Stop"/> from another thread receives every accepted
    /// event first, so it leaves this at zero. Posts after <see cref="Stop"/> are ignored and not counted here.
    /// </summary>
    public long DiscardedOnStop => Volatile.Read(ref _discardedOnStop);

    /// <summary>Calls <see cref="OnStart"/> on this thread, then starts the loop's thread.</summary>
    /// <remarks>
    /// <see cref="OnStart"/> happens before any <see cref="OnReceive"/>. If it calls <see cref="Stop"/>, the thread is
    /// never started. If it throws, the exception propagates, the thread is never started and the loop stays inactive;
    /// <see cref="Stop"/> then still calls <see cref="OnStop"/> once. If the thread cannot be created, the exception
    /// propagates the same way: the loop stays inactive, and <see cref="Stop"/> counts the events posted meanwhile in
    /// <see cref="DiscardedOnStop"/> and calls <see cref="OnStop"/> once.
    /// </remarks>
    /// <exception cref="InvalidOperationException">The loop was started or stopped before.</exception>
    /// <exception cref="OutOfMemoryException">The loop's thread could not be created.</exception>
    public void Start()
    {
        using (UninterruptibleLock.Enter(_gate))
        {
            if (_stopped)
            {
                throw new InvalidOperationException($"Event loop '{_name}' has already been stopped.");
            }

            if (_startCalled)
            {
                throw new InvalidOperationException($"Event loop '{_name}' has already been started.");
            }

            _startCalled = true;
            _startingThread = Thread.CurrentThread;
        }

        try
        {
            OnStart();
        }
        catch
        {
            FinishStart(startThread: false);
            throw;
        }

        FinishStart(startThread: true);
    }

    /// <summary>Stops the loop and calls <see cref="OnStop"/> exactly once. Safe to call twice and from the loop itself.</summary>
    /// <remarks>
    /// <para>
    /// From another thread: refuses new events, waits until the loop has received every event it accepted, joins the
    /// loop's thread, then calls <see cref="OnStop"/> on the calling thread. If <see cref="OnStart"/> is running on a
    /// third thread, it first waits for <see cref="OnStart"/> to return, so the two never overlap.
    /// </para>
    /// <para>
    /// From the loop's thread (inside <see cref="OnReceive"/> or <see cref="OnError"/>) or before the thread started:
    /// calls <see cref="OnStop"/> at once on the calling thread; the loop leaves after the current event and the
    /// events still queued are discarded, logged and counted in <see cref="DiscardedOnStop"/>.
    /// </para>
    /// <para>
    /// Only the first call does this. Any later or concurrent call returns at once, possibly before the first call has
    /// finished. An exception from <see cref="OnStop"/> propagates to the first caller.
    /// </para>
    /// <para>
    /// An interrupt of the calling thread does not cut this short: the waits for <see cref="OnStart"/> and for the
    /// loop's thread absorb it and go on, <see cref="OnStop"/> is called, and the interrupt is left pending on the thread
    /// when this returns (or throws what <see cref="OnStop"/> threw).
    /// </para>
    /// </remarks>
    public void Stop()
    {
        // An interrupt of the caller must not leave the loop stopped without OnStop, which no later call would make up
        // for: each wait absorbs it and runs again (see Uninterruptible), and the interrupt is handed back to the
        // thread at the end, as the bus's Dispose does. Handed back, not thrown: Stop has done its work, and Dispose is Stop.
        bool first = Uninterruptible.Run(ClaimStop, out bool interrupted);
        try
        {
            if (!first)
            {
                return;
            }

            (Thread? thread, long discarded) = Uninterruptible.Run(TakeThreadAfterStart, out bool waitInterrupted);
            interrupted |= waitInterrupted;
            if (thread is not null && !ReferenceEquals(thread, Thread.CurrentThread))
            {
                // A permit with no event: once the loop has received everything before it, it finds the queue empty and leaves.
                _available.Release();
                interrupted |= Uninterruptible.Run(thread.Join);
            }
            else if (discarded > 0)
            {
                // Guarded: _stopped is already set, so a throw here would leave OnStop uncalled for good.
                Log.Safely(() => EventLoopLog.DiscardedOnStop(_logger, _name, thread is null ? "before its thread started" : "from its own thread", discarded));
            }

            // After the join when stopping from outside, so every OnReceive happens before OnStop.
            Invariant.Holds(_queue.IsEmpty, "EventLoop: when OnStop runs, every accepted event was received or counted as discarded");
            CheckOnStopOnce();
            OnStop();
        }
        finally
        {
            if (interrupted)
            {
                Thread.CurrentThread.Interrupt();
            }
        }
    }

    /// <summary>Queues an event for <see cref="OnReceive"/>; ignored after <see cref="Stop"/>.</summary>
    /// <remarks>
    /// Never blocks and never drops an event while the loop runs. Events posted before <see cref="Start"/> are received
    /// after it. Events posted once <see cref="Stop"/> has begun are silently ignored (as in Spark) and not counted.
    /// Never throws <see cref="ThreadInterruptedException"/>: an interrupt of the caller stays pending on its thread.
    /// </remarks>
    /// <param name="e">The event.</param>
    /// <exception cref="ArgumentNullException"><paramref name="e"/> is null.</exception>
    public void Post(TEvent e)
    {
        if (e is null)
        {
            throw new ArgumentNullException(nameof(e));
        }

        // Early exit only; the decision that counts is taken under _gate below.
        if (Volatile.Read(ref _stopped))
        {
            return;
        }

        // Uninterruptible: a poster's pending interrupt, firing at a contended entry, would refuse the event with an
        // exception that Post does not promise (Spark's post never throws one either).
        using (UninterruptibleLock.Enter(_gate))
        {
            // Checked and enqueued in one step, so an event is either refused or in the queue before Stop sets _stopped.
            if (_stopped)
            {
                return;
            }

            _queue.Enqueue(e);
        }

        _available.Release();
    }

    /// <summary>Stops the loop (see <see cref="Stop"/>), so a <c>using</c> never leaves its thread behind.</summary>
    /// <remarks>
    /// The loop holds nothing to release but its thread, so this is exactly <see cref="Stop"/>: idempotent, and
    /// <see cref="OnStop"/> still runs once.
    /// </remarks>
    public void Dispose()
    {
        Stop();
        GC.SuppressFinalize(this);
    }

    /// <summary>Called by <see cref="Start"/> before the loop's thread starts.</summary>
    protected virtual void OnStart()
    {
    }

    /// <summary>Handles one event on the loop's thread.</summary>
    /// <param name="e">The event.</param>
    protected abstract void OnReceive(TEvent e);

    /// <summary>Handles a failure of <see cref="OnReceive"/>; a failure here is logged and the loop goes on.</summary>
    /// <param name="exception">What <see cref="OnReceive"/> threw.</param>
    protected abstract void OnError(Exception exception);

    /// <summary>Called once when the loop stops.</summary>
    protected virtual void OnStop()
    {
    }

    /// <summary>Stop's first step: true for the one call that stops the loop.</summary>
    /// <remarks>An interrupt can fire only as the lock is entered, before any change, so an interrupted call can run again.</remarks>
    private bool ClaimStop()
    {
        lock (_gate)
        {
            if (_stopped)
            {
                return false;
            }

            // Release: every event Post accepted is already in the queue (Post enqueues under _gate).
            Volatile.Write(ref _stopped, true);
            return true;
        }
    }

    /// <summary>
    /// Stop's second step: waits for an OnStart running on another thread, then returns the loop's thread, if any. If
    /// nobody will receive what is queued, discards and counts it.
    /// </summary>
    /// <remarks>
    /// An interrupt can fire only as the lock is entered and in the wait for OnStart, both before any change, so an
    /// interrupted call can run again.
    /// </remarks>
    private (Thread? Thread, long Discarded) TakeThreadAfterStart()
    {
        Thread current = Thread.CurrentThread;
        lock (_gate)
        {
            // OnStart is running on another thread: let it finish so OnStop never overlaps it. Start then sees
            // _stopped and starts no thread. Monitor.Wait gives up _gate, so OnStart may still post (ignored) or stop.
            while (_startingThread is not null && !ReferenceEquals(_startingThread, current))
            {
                Monitor.Wait(_gate);
            }

            // Final: once _stopped is set, FinishStart starts no thread.
            Thread? thread = _thread;
            if (thread is not null && !ReferenceEquals(thread, current))
            {
                return (thread, 0);
            }

            // Nobody will receive what is queued: the thread never ran, or it leaves after the current event. Nothing
            // enqueues any more (_stopped) and nothing else dequeues (no thread, or this is the loop's), so the count
            // is exact.
            long discarded = _queue.Count;
            _queue.Clear();
            Volatile.Write(ref _discardedOnStop, discarded);
            _stopRequestedByLoop = thread is not null;
            return (thread, discarded);
        }
    }

    private void FinishStart(bool startThread)
    {
        // Uninterruptible: thrown here, an interrupt would leave _startingThread set, and a Stop from another thread
        // would wait for OnStart forever.
        using (UninterruptibleLock.Enter(_gate))
        {
            _startingThread = null;

            // A Stop during OnStart (from OnStart itself or from another thread) already called or is about to call
            // OnStop; no thread is started then.
            if (startThread && !_stopped)
            {
                var thread = new Thread(Run) { Name = _name, IsBackground = true };

                // Published before the thread runs, so a Stop on the loop's thread recognises it.
                Volatile.Write(ref _thread, thread);
                try
                {
                    ThreadStarter(thread);
                }
                catch
                {
                    // No thread could be made (out of memory, a pid limit): the loop holds none, so a later Stop
                    // joins nothing and counts what was posted as discarded, instead of throwing ThreadStateException.
                    Volatile.Write(ref _thread, null);
                    throw;
                }
            }

            // Wake a Stop from another thread waiting for OnStart to finish.
            Monitor.PulseAll(_gate);
        }
    }

    private void Run()
    {
        while (true)
        {
            try
            {
                _available.Wait();
            }
            catch (ThreadInterruptedException)
            {
                // OnReceive interrupted its own thread, or another thread did. Only Stop ends the loop: the throw has
                // consumed the interrupt, and the loop waits again, as the bus's dispatch threads do.
                continue;
            }

            // Each event's permit is released after its enqueue, so only the permit of a Stop from outside can find
            // the queue empty, and then every accepted event has been received.
            if (!_queue.TryDequeue(out TEvent? e))
            {
                Invariant.Holds(Volatile.Read(ref _stopped), "EventLoop: only the permit of a Stop from outside finds the queue empty");
                return;
            }

            Receive(e);

            if (_stopRequestedByLoop)
            {
                return;
            }
        }
    }

    private void Receive(TEvent e)
    {
        Invariant.Holds(ReferenceEquals(Thread.CurrentThread, Volatile.Read(ref _thread)), "EventLoop: events are received on the loop's one thread");
        try
        {
            OnReceive(e);
        }
        catch (Exception receiveFailure)
        {
            try
            {
                OnError(receiveFailure);
            }
            catch (Exception errorFailure)
            {
                // Guarded: a throwing logger here would escape the loop's thread and end the process.
                Log.Safely(() => EventLoopLog.OnErrorFailed(_logger, _name, errorFailure));
            }
        }
    }

    [Conditional("DEBUG")]
    private void CheckOnStopOnce()
    {
#if DEBUG
        Invariant.Holds(Interlocked.Increment(ref _onStopCalls) == 1, "EventLoop: Stop calls OnStop exactly once");
#endif
    }
}
