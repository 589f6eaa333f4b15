using System;
using System.Threading;

namespace GeneratedBus.Runtime.Tests.Loop;

/// <summary>
/// Calls a loop's Stop on a thread of its own, so a test can interrupt that thread; records what Stop threw and whether
/// the interrupt was still pending on the thread when Stop returned.
/// </summary>
internal sealed class StopOnThread
{
    public StopOnThread(EventLoop<int> loop)
    {
        Thread = new Thread(() =>
        {
            try
            {
                loop.Stop();
            }
            catch (Exception e)
            {
                Thrown = e;
            }

            InterruptPendingAfterStop = ConsumePendingInterrupt();
        });
        Thread.Start();
    }

    public Thread Thread { get; }

    /// <summary>Read after <see cref="Join"/>.</summary>
    public Exception? Thrown { get; private set; }

    /// <summary>Read after <see cref="Join"/>.</summary>
    public bool InterruptPendingAfterStop { get; private set; }

    public bool IsWaiting => Thread.ThreadState.HasFlag(ThreadState.WaitSleepJoin);

    public void Join() => Within.Join(Thread, "Stop");

    /// <summary>Whether the calling thread had an interrupt pending; clears it. Sleep(0) throws at once for one.</summary>
    public static bool ConsumePendingInterrupt()
    {
        try
        {
            Thread.Sleep(0);
            return false;
        }
        catch (ThreadInterruptedException)
        {
            return true;
        }
    }
}
