using System;
using System.Threading;

namespace GeneratedBus;

/// <summary>
/// Waits for a condition that other threads make true soon, without a signal to wait on: Stop's wait for the posts
/// under way, and for the log pump. Spins briefly, then yields, then sleeps a millisecond at a time, so a thread
/// descheduled on a busy machine gets the core it needs.
/// </summary>
internal static class Polling
{
    /// <summary>The deadline, in <see cref="Environment.TickCount64"/> time, of a wait of <paramref name="timeout"/> from now.</summary>
    /// <param name="timeout">How long to wait at most; <see cref="Timeout.InfiniteTimeSpan"/> for no limit.</param>
    public static long Deadline(TimeSpan timeout) =>
        timeout == Timeout.InfiniteTimeSpan ? long.MaxValue : Environment.TickCount64 + (long)timeout.TotalMilliseconds;

    /// <summary>Polls <paramref name="done"/> until it is true or the <paramref name="deadline"/> has passed.</summary>
    /// <param name="done">The condition; read again after each pause.</param>
    /// <param name="deadline">From <see cref="Deadline"/>.</param>
    /// <returns>Whether the condition became true in time.</returns>
    /// <exception cref="ThreadInterruptedException">Interrupted in a sleep; callers that must finish run it again (see <see cref="Uninterruptible"/>).</exception>
    public static bool Until(Func<bool> done, long deadline)
    {
        for (int round = 0; !done(); round++)
        {
            if (Environment.TickCount64 >= deadline)
            {
                return false;
            }

            if (round < 64)
            {
                Thread.SpinWait(20);
            }
            else if (round < 128)
            {
                Thread.Yield();
            }
            else
            {
                Thread.Sleep(1);
            }
        }

        return true;
    }
}
