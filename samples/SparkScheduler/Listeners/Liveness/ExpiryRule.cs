using System;

namespace SparkScheduler.Listeners.Liveness;

/// <summary>
/// Spark's HeartbeatReceiver rule, in one place: an executor silent for longer than the timeout is expired at the next
/// periodic check, and checks run every half timeout. The liveness listener applies it; the simulated driver uses it
/// to know when the driver would learn that a hung executor is gone.
/// </summary>
internal static class ExpiryRule
{
    /// <summary>How often the expiry check runs for a timeout (Spark: 60 s for 120 s).</summary>
    public static TimeSpan CheckInterval(TimeSpan timeout) => timeout / 2;

    /// <summary>Whether an executor last seen at <paramref name="lastSeenMs"/> has expired at <paramref name="nowMs"/>.</summary>
    public static bool IsExpired(long nowMs, long lastSeenMs, TimeSpan timeout) =>
        nowMs - lastSeenMs > (long)timeout.TotalMilliseconds;

    /// <summary>The first check, of those at <paramref name="firstCheckMs"/> plus multiples of the interval, that expires an executor silent since <paramref name="lastSeenMs"/>.</summary>
    public static long FirstExpiringCheck(long firstCheckMs, long lastSeenMs, TimeSpan timeout)
    {
        long interval = (long)CheckInterval(timeout).TotalMilliseconds;
        long earliest = lastSeenMs + (long)timeout.TotalMilliseconds + 1;
        long checks = earliest <= firstCheckMs ? 0 : (earliest - firstCheckMs + interval - 1) / interval;
        return firstCheckMs + (checks * interval);
    }
}
