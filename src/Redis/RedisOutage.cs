using System;
using StackExchange.Redis;

namespace GeneratedBus.Redis;

/// <summary>The failures that mean "Redis is not there yet", after which the same call is retried with back-off.</summary>
internal static class RedisOutage
{
    /// <summary>
    /// A lost or timed-out connection, or a server still loading its data after a restart (<c>LOADING</c>: it refused
    /// the command without running it, so a retry is safe). Anything else is a real error and is not retried.
    /// </summary>
    public static bool IsOutage(Exception exception) =>
        exception is RedisConnectionException or RedisTimeoutException
        || (exception is RedisServerException && exception.Message.StartsWith("LOADING", StringComparison.Ordinal));
}
