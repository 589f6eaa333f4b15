using System;
using System.Threading;
using System.Threading.Tasks;
using GeneratedBus.Runtime.Tests.Support;

namespace GeneratedBus.Runtime.Tests.Bus;

/// <summary>StopAsync and DisposeAsync: the awaitable shutdown a host uses.</summary>
public class AsyncStopTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task StopAsync_drains_every_queue_and_balances_the_counts()
    {
        using var bus = new TestBus(TestOptions.Create());
        var a = new CollectingListener();
        bus.AddToSharedQueue(a);
        bus.AddToQueue(new CollectingListener(), "other");
        bus.Start();
        Assert.True(bus.IsRunning);
        for (int i = 0; i < 1000; i++)
        {
            bus.Post(new Ping(i));
        }

        await bus.StopAsync(CancellationToken.None).WaitAsync(Deadline);

        Assert.False(bus.IsRunning);
        Assert.Equal(1000, a.Count);
        foreach (QueueStats queue in bus.GetStats().Queues.Values)
        {
            Assert.Equal(queue.Posted, queue.Processed + queue.Dropped);
            Assert.Equal(1000, queue.Processed);
        }
    }

    [Fact]
    public async Task A_cancelled_token_gives_up_the_wait_as_ExitTimeout_does_and_the_abandoned_events_are_counted()
    {
        var logs = new CollectingLoggerFactory();
        using var bus = new TestBus(TestOptions.Create(logs: logs));
        using BlockingListener blocking = BlockingListener.StartBlocked(bus);
        for (int i = 1; i < 5; i++)
        {
            bus.Post(new Ping(i));
        }

        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        await bus.StopAsync(cancel.Token).WaitAsync(Deadline);

        LogEntry warning = Assert.Single(logs.Entries, e => e.EventId.Id == 15);
        Assert.Contains(TestBus.SharedQueue, warning.Message);
        Assert.Contains("5 events", warning.Message);

        blocking.Release();
        Eventually.True(() => bus.GetStats().Queues[TestBus.SharedQueue].Dropped == 4, "abandoned events counted as dropped");
        Assert.Equal(new QueueStats(TestBus.SharedQueue, 10_000, 0, 5, 1, 4), bus.GetStats().Queues[TestBus.SharedQueue]);
    }

    [Fact]
    public async Task A_second_StopAsync_waits_for_the_first_or_for_its_own_token()
    {
        using var bus = new TestBus(TestOptions.Create());
        using BlockingListener blocking = BlockingListener.StartBlocked(bus);
        Task first = bus.StopAsync(CancellationToken.None);

        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        await bus.StopAsync(cancel.Token).WaitAsync(Deadline);
        Assert.False(first.IsCompleted);

        blocking.Release();
        await first.WaitAsync(Deadline);
        await bus.StopAsync(CancellationToken.None).WaitAsync(Deadline);
    }

    [Fact]
    public async Task StopAsync_before_Start_throws_as_Stop_does()
    {
        using var bus = new TestBus(TestOptions.Create());
        await Assert.ThrowsAsync<InvalidOperationException>(() => bus.StopAsync(CancellationToken.None));
    }

    [Fact]
    public async Task DisposeAsync_stops_a_running_bus_and_is_idempotent()
    {
        var bus = new TestBus(TestOptions.Create());
        var a = new CollectingListener();
        bus.AddToSharedQueue(a);
        bus.Start();
        bus.Post(new Ping(1));

        await bus.DisposeAsync().AsTask().WaitAsync(Deadline);
        await bus.DisposeAsync().AsTask().WaitAsync(Deadline);

        Assert.Equal(1, a.Count);
        Assert.False(bus.IsRunning);
        Assert.Throws<InvalidOperationException>(bus.Start);

        var fresh = new TestBus(TestOptions.Create());
        fresh.Post(new Ping(1));
        await fresh.DisposeAsync().AsTask().WaitAsync(Deadline);
        Assert.Throws<InvalidOperationException>(fresh.Start);
    }
}
