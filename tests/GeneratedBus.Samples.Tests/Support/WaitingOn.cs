using System;
using System.Diagnostics;
using System.Threading;
using GeneratedBus.Redis.Tests.Support;
using StackExchange.Redis;

namespace GeneratedBus.Samples.Tests.Support;

/// <summary>Waits, with a deadline, for a child process to have done something visible in Redis.</summary>
internal static class WaitingOn
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    /// <summary>Polls <paramref name="condition"/> until it holds; fails if <paramref name="process"/> ends first or the deadline passes.</summary>
    /// <param name="server">The Redis server to look at.</param>
    /// <param name="process">The process that should make the condition true.</param>
    /// <param name="what">What it should do, for the failure message: "register its group".</param>
    /// <param name="condition">The check, on a connection of its own.</param>
    public static void Redis(RedisServer server, ChildProcess process, string what, Func<IDatabase, bool> condition)
    {
        using ConnectionMultiplexer redis = server.Connect();
        IDatabase db = redis.GetDatabase();
        var clock = Stopwatch.StartNew();
        while (!condition(db))
        {
            Assert.False(process.HasExited, $"the process ended before it could {what}");
            Assert.True(clock.Elapsed < Deadline, $"the process did not {what} within {Deadline.TotalSeconds} s");
            Thread.Sleep(10);
        }
    }
}
