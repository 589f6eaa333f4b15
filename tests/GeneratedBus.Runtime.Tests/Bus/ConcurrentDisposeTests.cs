using System;
using System.Threading;
using GeneratedBus.Runtime.Tests.Support;

namespace GeneratedBus.Runtime.Tests.Bus;

/// <summary>
/// A second Dispose while the first still drains (issue 16, defect 12) waits for it, as a second Stop does: it used to
/// return at once, with events still waiting.
/// </summary>
public class ConcurrentDisposeTests
{
    [Fact]
    public void A_second_Dispose_while_the_first_drains_returns_only_after_the_drain()
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
        Workers second = Workers.Start(1, _ =>
        {
            calling.Set();
            bus.Dispose();
            seenBySecond = bus.GetStats().Queues[TestBus.SharedQueue];
        }, "second Dispose");

        // Blocked (or returned, the defect): the listener still holds the queue, so only a wait can be right. Looked at
        // once the call began, so a thread still starting up does not pass for one that waits.
        Assert.True(calling.Wait(Workers.HangBound), "the second Dispose was called");
        Eventually.True(() => !second.IsAnyAlive || second.AllWaiting, "the second Dispose waits or returned");
        Assert.True(second.IsAnyAlive, "the second Dispose returned while the first still drained");

        blocking.Release();
        first.Join("first Dispose");
        second.Join("second Dispose");

        Assert.Equal(new QueueStats(TestBus.SharedQueue, 10_000, 0, 21, 21, 0), seenBySecond);
    }

    [Fact]
    public void Stop_while_a_Dispose_drains_waits_for_it_too()
    {
        var bus = new TestBus(TestOptions.Create());
        using BlockingListener blocking = BlockingListener.StartBlocked(bus);
        bus.Post(new Ping(1));
        Workers disposer = Workers.Start(1, _ => bus.Dispose(), "Dispose");
        Eventually.True(() => bus.IsStopping, "Dispose began");
        QueueStats? seenByStop = null;
        using var calling = new ManualResetEventSlim();
        Workers stopper = Workers.Start(1, _ =>
        {
            calling.Set();
            bus.Stop();
            seenByStop = bus.GetStats().Queues[TestBus.SharedQueue];
        }, "Stop");

        Assert.True(calling.Wait(Workers.HangBound), "Stop was called");
        Eventually.True(() => !stopper.IsAnyAlive || stopper.AllWaiting, "Stop waits or returned");
        Assert.True(stopper.IsAnyAlive, "Stop returned while Dispose still drained");

        blocking.Release();
        disposer.Join("Dispose");
        stopper.Join("Stop");
        Assert.Equal(new QueueStats(TestBus.SharedQueue, 10_000, 0, 2, 2, 0), seenByStop);
    }
}
