using System;
using GeneratedBus.Runtime.Tests.Support;

namespace GeneratedBus.Runtime.Tests.Bus;

/// <summary>
/// A queue name reused while the retired queue of that name still holds events (its last listener stuck): the name's
/// row reports the new queue's capacity, size and event in flight, with only the events the retired one has finished,
/// so it stays within the capacity and never shows two events in flight (issue 16, defect 8).
/// </summary>
public class ReusedQueueNameStatsTests
{
    [Fact]
    public void A_name_reused_while_its_retired_queue_still_drains_reports_the_new_queue_within_its_capacity()
    {
        var options = TestOptions.Create(capacity: 10);
        options.ExitTimeout = TimeSpan.FromMilliseconds(100);
        using var bus = new TestBus(options);
        using var stuck = new BlockingListener();
        using var next = new BlockingListener();
        bus.AddToQueue(stuck, "q");
        bus.Start();
        PostHeld(bus, stuck);

        // The retired queue holds 1 event in its stuck listener and 10 waiting; its join gives up after ExitTimeout.
        Workers.Run(() => bus.RemoveListener(stuck), "RemoveListener");
        Assert.Equal(new QueueStats("q", 10, 10, 11, 0, 0), bus.GetStats().Queues["q"]);

        // The new queue of the name waits for the retired one's thread before delivering (one thread per listener
        // and name, issue 16 defect 13), so its ten events wait in its ring.
        bus.AddToQueue(next, "q");
        for (int i = 0; i < 10; i++)
        {
            bus.Post(new Ping(i));
        }

        QueueStats reused = bus.GetStats().Queues["q"];
        Assert.InRange(reused.Size, 0, reused.Capacity);
        Assert.InRange(reused.Posted - reused.Processed - reused.Dropped - reused.Size, 0, 1);
        Assert.Equal(new QueueStats("q", 10, 10, 10, 0, 0), reused);

        // Once both have finished, the row has every event of both: the abandoned queue dropped what it still held.
        stuck.Release();
        next.Release();
        Eventually.True(() => bus.GetStats().Queues["q"].Posted == 21, "the retired queue's thread ended");
        bus.WaitUntilEmpty(TimeSpan.FromSeconds(30));
        Assert.Equal(new QueueStats("q", 10, 0, 21, 11, 10), bus.GetStats().Queues["q"]);
    }

    /// <summary>Posts 11 events: the first held by <paramref name="listener"/>, ten waiting behind it, a full queue.</summary>
    private static void PostHeld(TestBus bus, BlockingListener listener)
    {
        bus.Post(new Ping(0));
        listener.WaitUntilEntered();
        for (int i = 1; i <= 10; i++)
        {
            bus.Post(new Ping(i));
        }
    }
}
