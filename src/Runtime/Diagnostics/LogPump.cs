using System;
using System.Collections.Concurrent;
using System.Threading;

namespace GeneratedBus;

/// <summary>
/// Writes a live bus's log entries from the threads that must never wait for a logger (a producer in Post, Stop,
/// GetStats, AddToQueue, RemoveListener, the drop report's timer, anything under the bus lock) on a thread-pool thread
/// instead, one at a time, in the order they were handed in.
/// </summary>
/// <remarks>
/// A slow or hanging logger then holds up only the pump: the calls return, and later entries queue behind it. Only
/// for rare entries (drops, shutdown): each is a closure. Stop waits for the pump, within a bound, so its last
/// entries are written before it returns when the logger works (see <see cref="Flush"/>). Dispatch threads log their
/// own listeners' failures and slow calls directly: a slow logger there slows that queue like a slow listener.
/// </remarks>
internal sealed class LogPump
{
    private static readonly Action<LogPump> s_drain = static pump => pump.Drain();

    private readonly ConcurrentQueue<Action> _pending = new();
    private long _handedIn;
    private long _written;

    // 1 while a pool work item drains, or is queued to: at most one at a time, so entries keep their order.
    private int _draining;

    /// <summary>Hands <paramref name="log"/> to the pump; never blocks, never throws what the logger throws.</summary>
    public void Write(Action log)
    {
        Interlocked.Increment(ref _handedIn);
        _pending.Enqueue(log);

        // The enqueue is interlocked, so this exchange is ordered after it: see Drain.
        if (Interlocked.CompareExchange(ref _draining, 1, 0) == 0)
        {
            ThreadPool.UnsafeQueueUserWorkItem(s_drain, this, preferLocal: false);
        }
    }

    /// <summary>Waits until every entry handed in before the call is written, or the time is up.</summary>
    /// <param name="timeout">How long to wait at most; <see cref="Timeout.InfiniteTimeSpan"/> for no limit.</param>
    /// <returns>Whether they were all written in time.</returns>
    /// <exception cref="ThreadInterruptedException">Interrupted in a sleep of the wait; call it again (see <see cref="Uninterruptible"/>).</exception>
    public bool Flush(TimeSpan timeout)
    {
        long target = Volatile.Read(ref _handedIn);
        return Polling.Until(() => Volatile.Read(ref _written) >= target, Polling.Deadline(timeout));
    }

    private void Drain()
    {
        while (true)
        {
            while (_pending.TryDequeue(out Action? log))
            {
                Log.Safely(log);
                Interlocked.Increment(ref _written);
            }

            // [clear the flag; look at the queue] against Write's [enqueue; set the flag], all interlocked: either a
            // writer sees the flag clear and queues a drain of its own, or this look sees its entry and drains on.
            Interlocked.Exchange(ref _draining, 0);
            if (_pending.IsEmpty || Interlocked.CompareExchange(ref _draining, 1, 0) != 0)
            {
                return;
            }
        }
    }
}
