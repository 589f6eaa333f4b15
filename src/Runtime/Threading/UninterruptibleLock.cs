using System.Threading;

namespace GeneratedBus;

/// <summary>
/// Holds a monitor for a thread that must not lose a pending interrupt to it (a dispatch thread, Stop, a token's
/// callback): a contended <see cref="Monitor.Enter(object, ref bool)"/> is an interruptible wait, and its exception
/// consumes the interrupt before the lock is taken, so entering again is safe. <see cref="Dispose"/> leaves the monitor
/// and interrupts the thread again if an interrupt was absorbed, so it stays pending as it was.
/// </summary>
/// <remarks>Use with <c>using</c>: <c>using (UninterruptibleLock.Enter(gate)) { … }</c>.</remarks>
internal readonly ref struct UninterruptibleLock
{
    private readonly object _gate;
    private readonly bool _interrupted;

    private UninterruptibleLock(object gate, bool interrupted)
    {
        _gate = gate;
        _interrupted = interrupted;
    }

    /// <summary>Enters <paramref name="gate"/>, absorbing interrupts until it is held.</summary>
    public static UninterruptibleLock Enter(object gate)
    {
        bool interrupted = false;
        while (true)
        {
            bool taken = false;
            try
            {
                Monitor.Enter(gate, ref taken);
            }
            catch (ThreadInterruptedException)
            {
                interrupted = true;
            }

            if (taken)
            {
                return new UninterruptibleLock(gate, interrupted);
            }
        }
    }

    /// <summary>Leaves the monitor; then leaves an absorbed interrupt pending on the thread again.</summary>
    public void Dispose()
    {
        Monitor.Exit(_gate);
        if (_interrupted)
        {
            Thread.CurrentThread.Interrupt();
        }
    }
}
