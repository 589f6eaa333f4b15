using System;
using System.Linq;
using GeneratedBus.Runtime.Tests.Support;

namespace GeneratedBus.Runtime.Tests.Bus;

/// <summary>
/// What adding and removing listeners means at the edges (issue 16, "also seen"): a registration per AddToQueue, and
/// the events a queue still holds when its last listener leaves. Both are decided behaviour, pinned here.
/// </summary>
public class ListenerRegistrationTests
{
    [Fact]
    public void A_listener_added_twice_to_a_queue_gets_each_event_twice_and_one_RemoveListener_removes_one_copy()
    {
        using var bus = new TestBus(TestOptions.Create());
        var twice = new CollectingListener();
        bus.AddToQueue(twice, "q");
        bus.AddToQueue(twice, "q");
        bus.Start();
        bus.Post(new Ping(1));
        bus.WaitUntilEmpty(TimeSpan.FromSeconds(30));
        Assert.Equal(new[] { 1, 1 }, twice.Events.Select(e => e.Value));
        Assert.Equal(new ITestListener[] { twice, twice }, bus.Listeners);

        // One registration goes per call, from every queue that has one; the queue runs on with the other.
        Assert.True(bus.RemoveListener(twice));
        Assert.Equal(new[] { "q" }, bus.ActiveQueues);
        bus.Post(new Ping(2));
        bus.WaitUntilEmpty(TimeSpan.FromSeconds(30));
        Assert.Equal(new[] { 1, 1, 2 }, twice.Events.Select(e => e.Value));

        Assert.True(bus.RemoveListener(twice));
        Assert.False(bus.RemoveListener(twice));
        Assert.Empty(bus.ActiveQueues);
        Assert.Equal(new QueueStats("q", 10_000, 0, 2, 2, 0), bus.GetStats().Queues["q"]);
    }

    [Fact]
    public void Events_waiting_behind_a_removed_last_listener_are_counted_processed_and_delivered_to_nobody()
    {
        using var bus = new TestBus(TestOptions.Create());
        using BlockingListener last = BlockingListener.StartBlocked(bus, "q");
        for (int i = 1; i <= 3; i++)
        {
            bus.Post(new Ping(i));
        }

        Assert.Equal(3, bus.GetStats().Queues["q"].Size);
        Workers remover = Workers.Start(1, _ => bus.RemoveListener(last), "RemoveListener");
        Eventually.True(() => bus.ActiveQueues.Count == 0, "q retired");
        last.Release();
        remover.Join("RemoveListener");

        // The queue finished with every event it held: each went to every listener it had then, which is none.
        Assert.Equal(1, last.Calls);
        Assert.Equal(new QueueStats("q", 10_000, 0, 4, 4, 0), bus.GetStats().Queues["q"]);
    }
}
