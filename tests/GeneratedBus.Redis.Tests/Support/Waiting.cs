using System;
using System.Diagnostics;
using System.Threading.Tasks;

namespace GeneratedBus.Redis.Tests.Support;

/// <summary>Polls a condition until it holds or the deadline passes (then fails with what it last saw).</summary>
public static class Waiting
{
    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan deadline, Func<string> describe)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(clock.Elapsed < deadline, $"not reached within {deadline}: {describe()}");
            await Task.Delay(20);
        }
    }
}
