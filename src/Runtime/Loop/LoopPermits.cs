using System.Threading;

namespace GeneratedBus;

/// <summary>
/// The event loop's permits (one per accepted event, one for a Stop from outside), taken by the loop's one thread. It
/// replaces <see cref="SemaphoreSlim"/>, which is not exact under interrupts: it counts the waiters it pulsed and does not
/// uncount one whose wait then throws <see cref="ThreadInterruptedException"/>, so a later release may wake nobody and
/// the loop sleeps with events queued. Here the waiter re-checks the count itself, so a pulse lost to an interrupt costs
/// nothing.
/// </summary>
internal sealed class LoopPermits
{
    private readonly object _lock = new();

    // Read and written only under _lock.
    private long _count;

    /// <summary>Adds a permit and wakes the waiter.</summary>
    /// <remarks>
    /// Never throws for an interrupt of the caller (it stays pending): a Stop or Post whose permit was lost to one would
    /// leave the loop asleep with an event queued, or never ending.
    /// </remarks>
    public void Release()
    {
        using (UninterruptibleLock.Enter(_lock))
        {
            _count++;
            Monitor.Pulse(_lock);
        }
    }

    /// <summary>Takes a permit, waiting while there is none.</summary>
    /// <exception cref="ThreadInterruptedException">The thread was interrupted; no permit was taken, so waiting again is safe.</exception>
    public void Wait()
    {
        lock (_lock)
        {
            while (_count == 0)
            {
                Monitor.Wait(_lock);
            }

            _count--;
        }
    }
}
