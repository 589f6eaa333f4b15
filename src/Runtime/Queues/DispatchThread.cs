using System;
using System.Threading;
using System.Threading.Tasks;

namespace GeneratedBus;

/// <summary>
/// A queue's dispatch thread, started in two steps so that a bus <c>Start</c> that fails part-way can take back what
/// it started: <see cref="StartHeld"/> starts a thread that waits before it runs the consumer, then
/// <see cref="Release"/> lets it run, or <see cref="Recall"/> makes it end without having touched the queue. Each start
/// makes a new thread, so a queue whose start failed or was recalled can be started again. A queue made under the
/// name of one still retiring first waits, released, for that queue's thread to end (<see cref="Follow"/>).
/// </summary>
/// <remarks>Every step runs under the bus lock, so no two overlap; the joins and reads may run anywhere.</remarks>
internal sealed class DispatchThread
{
    private readonly string _name;
    private readonly Action _consume;
    private readonly BusContext _context;

    // Under the bus lock: a started thread still waiting for Release or Recall.
    private Held? _held;

    // The thread that runs (or ran) the consumer, once released; read by joins and stats on any thread.
    private Thread? _released;

    // Completed when the released thread's body returns, for joins that must not block a thread (JoinAsync). Written
    // before _released is published, so a reader that sees _released sees it too.
    private TaskCompletionSource? _ended;

    // The retiring queue's thread of the same name, until it has ended; then let go, so its queue can be collected.
    private DispatchThread? _predecessor;
    private volatile bool _waitsForPredecessor;

    /// <param name="name">The thread's name.</param>
    /// <param name="consume">The consumer's loop, run once released.</param>
    /// <param name="context">Starts threads (<see cref="BusContext.StartThread"/>).</param>
    public DispatchThread(string name, Action consume, BusContext context)
    {
        _name = name;
        _consume = consume;
        _context = context;
    }

    /// <summary>Whether a thread was released to run the consumer.</summary>
    public bool IsReleased => Volatile.Read(ref _released) is not null;

    /// <summary>Whether the released thread has ended; false before release.</summary>
    public bool HasEnded => Volatile.Read(ref _released) is { IsAlive: false };

    /// <summary>Whether the released thread is waiting for its predecessor's to end (see <see cref="Follow"/>). For tests.</summary>
    public bool WaitsForPredecessor => _waitsForPredecessor;

    /// <summary>Whether the caller is the released thread.</summary>
    public bool IsCurrent => ReferenceEquals(Thread.CurrentThread, Volatile.Read(ref _released));

    /// <summary>Starts a thread that waits, before it touches the queue, for <see cref="Release"/> or <see cref="Recall"/>.</summary>
    /// <exception cref="OutOfMemoryException">No thread could be created; nothing changed.</exception>
    public void StartHeld()
    {
        Invariant.Holds(_held is null && !IsReleased, "a queue's dispatch thread is started once, or again after a recall");
        var held = new Held(RunReleased);
        held.Thread = new Thread(held.Run) { IsBackground = true, Name = _name };
        _context.StartThread(held.Thread);
        _held = held;
    }

    /// <summary>Lets the held thread run the consumer.</summary>
    public void Release()
    {
        Invariant.Holds(_held is not null, "only a thread started held is released or recalled");
        Held held = _held!;
        _held = null;
        _ended = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _released, held.Thread);
        held.Decide(run: true);
    }

    /// <summary>Makes the held thread end without running the consumer, and waits for it: it ends at once.</summary>
    public void Recall()
    {
        Invariant.Holds(_held is not null, "only a thread started held is released or recalled");
        Held held = _held!;
        _held = null;
        held.Decide(run: false);

        // A rollback must finish: an interrupt pending on the caller is handed back, not thrown from here.
        if (Uninterruptible.Run(held.Thread.Join))
        {
            Thread.CurrentThread.Interrupt();
        }
    }

    /// <summary>
    /// Under the bus lock, before the start: once released, wait for <paramref name="predecessor"/>'s thread to end
    /// before consuming. It is the thread of a retiring queue of the same name, which may still be running a listener
    /// that is being re-added here; so a queue name, and a listener on one queue, has one thread at a time.
    /// </summary>
    public void Follow(DispatchThread predecessor) => _predecessor = predecessor;

    /// <summary>Waits for the released thread to end; true at once if none was released or the caller is that thread.</summary>
    public bool Join(TimeSpan timeout) =>
        Volatile.Read(ref _released) is not { } thread || IsCurrent || thread.Join(timeout);

    /// <summary>
    /// As <see cref="Join"/>, without blocking the caller: true once the released thread's body has returned, false
    /// when <paramref name="timeout"/> passes or <paramref name="cancellationToken"/> is cancelled first.
    /// </summary>
    public async ValueTask<bool> JoinAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _released) is null || IsCurrent)
        {
            return true;
        }

        try
        {
            await _ended!.Task.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>The released thread's body: the predecessor's thread ends first (see <see cref="Follow"/>), then the consumer runs.</summary>
    private void RunReleased()
    {
        try
        {
            RunConsumer();
        }
        finally
        {
            _ended!.TrySetResult();
        }
    }

    private void RunConsumer()
    {
        if (_predecessor is { } predecessor)
        {
            // Nothing can interrupt this wait: no listener runs on this thread yet, and no one else holds it.
            _waitsForPredecessor = true;
            predecessor.Join(Timeout.InfiniteTimeSpan);
            _waitsForPredecessor = false;
            _predecessor = null;
        }

        _consume();
    }

    /// <summary>A started thread's verdict: run the consumer or end. The thread waits for it before anything else.</summary>
    private sealed class Held(Action consume)
    {
        private readonly object _gate = new();
        private bool _decided;
        private bool _run;

        public Thread Thread { get; set; } = null!;

        public void Run()
        {
            lock (_gate)
            {
                while (!_decided)
                {
                    Monitor.Wait(_gate);
                }
            }

            if (_run)
            {
                consume();
            }
        }

        public void Decide(bool run)
        {
            lock (_gate)
            {
                _run = run;
                _decided = true;
                Monitor.PulseAll(_gate);
            }
        }
    }
}
