using System;
using System.Threading;
using GeneratedBus.Runtime.Tests.Support;

namespace GeneratedBus.Runtime.Tests.Bus;

/// <summary>
/// A second Dispose (or a Stop) while the first Dispose still drains (issue 16, defect 12) waits for it, as a second
/// Stop does: a second Dispose used to return at once, with events still waiting.
/// </summary>
public class ConcurrentDisposeTests
{
    [Theory]
    [InlineData("Dispose")]
    [InlineData("Stop")]
    public void A_second_call_while_a_Dispose_drains_returns_only_after_the_drain(string second)
    {
        var bus = new TestBus(TestOptions.Create());
        using BlockingListener blocking = BlockingListener.StartBlocked(bus);
        for (int i = 1; i <= 20; i++)
        {
            bus.Post(new Ping(i));
        }

        Workers first = Workers.Start(1, _ => bus.Dispose(), "first Dispose");
        Eventually.True(() => bus.IsStopping, "the first Dispose began");
        QueueStats? seenBySecond = null;
        using var calling = new ManualResetEventSlim();
        Workers later = Workers.Start(1, _ =>
        {
            calling.Set();
            (second == "Stop" ? bus.Stop : (Action)bus.Dispose)();
            seenBySecond = bus.GetStats().Queues[TestBus.SharedQueue];
        }, second);

        // Blocked (or returned, the defect): the listener still holds the queue, so only a wait can be right. Looked at
        // once the call began, so a thread still starting up does not pass for one that waits.
        Assert.True(calling.Wait(Workers.HangBound), $"{second} was called");
        Eventually.True(() => !later.IsAnyAlive || later.AllWaiting, $"{second} waits or returned");
        Assert.True(later.IsAnyAlive, $"{second} returned while the first Dispose still drained");

        blocking.Release();
        first.Join("first Dispose");
        later.Join(second);

        Assert.Equal(new QueueStats(TestBus.SharedQueue, 10_000, 0, 21, 21, 0), seenBySecond);
    }
}
