using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace GeneratedBus;

/// <summary>
/// What puts an async listener (<c>ISchedulerAsyncListener</c>) on a queue: the generated bus wraps each one in a
/// private subclass that implements the synchronous listener interface, each handler calling the listener's async
/// handler with the queue's stop token and awaiting it through <see cref="Await"/>. Used by generated code.
/// </summary>
/// <remarks>
/// The queue then knows one kind of listener: sync and async listeners share its list, in the order they were added,
/// and its delivery loop, so an async call is ordered, counted, timed and guarded exactly as a sync call is, and the
/// sync path pays nothing for async listeners existing. Timers and logs name the wrapped listener's type, not the
/// wrapper's.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class AsyncListenerAdapter
{
    /// <summary>Wraps <paramref name="listener"/>.</summary>
    /// <param name="listener">The async listener.</param>
    /// <exception cref="ArgumentNullException"><paramref name="listener"/> is null.</exception>
    protected AsyncListenerAdapter(object listener)
    {
        ArgumentNullException.ThrowIfNull(listener);
        Listener = listener;
    }

    /// <summary>The async listener this adapter calls: what <c>RemoveListener</c> and the stats know it by.</summary>
    public object Listener { get; }

    /// <summary>
    /// The token cancelled when the bus gives up waiting for this queue (<see cref="BusOptions.ExitTimeout"/>, or
    /// <c>StopAsync</c>'s token): the calling dispatch thread's, or <see cref="CancellationToken.None"/> off one.
    /// </summary>
    protected static CancellationToken StopToken => ConsumerThread.StopToken;

    /// <summary>
    /// Waits for <paramref name="task"/> and rethrows its failure as the handler's own. A task that completed
    /// synchronously costs a flag test and nothing else: no allocation, no wait.
    /// </summary>
    /// <param name="task">What the async handler returned.</param>
    /// <remarks>
    /// Blocking is the design, not a shortcut: the queue owns a dedicated thread that delivers one event at a time, so
    /// waiting on it is what keeps an async call ordered before the next listener and the next event, timed end to
    /// end, and failing into the same guard as a sync call; it blocks no one else's thread. The dispatch thread has no
    /// <see cref="SynchronizationContext"/>, so the handler's continuations run on the thread pool and cannot wait for
    /// the blocked thread. Stop gives up on a stuck call by cancelling <see cref="StopToken"/>.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected static void Await(ValueTask task)
    {
        if (task.IsCompleted)
        {
            // Also for success: a ValueTask backed by a pooled IValueTaskSource is released by GetResult. A
            // synchronous failure rethrows here, with its own stack trace.
            task.GetAwaiter().GetResult();
            return;
        }

        Block(task);
    }

    // Out of line, so the synchronous case stays a test and a call. AsTask allocates only here, for a call that
    // really waits; its GetResult rethrows the handler's exception itself, not an AggregateException.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Block(ValueTask task) => task.AsTask().GetAwaiter().GetResult();
}
