using System;
using System.Linq;
using System.Threading;
using GeneratedBus.Runtime.Tests.Support;

namespace GeneratedBus.Runtime.Tests.Bus;

/// <summary>
/// Queues carry only the kinds their listeners handle. The test bus's hand-written dispatcher knows no listener types,
/// as for a listener from another assembly, so the kinds are given explicitly; skipped events are counted apart, so
/// that offered = posted + skipped and posted = processed + dropped.
/// </summary>
public class InterestFilterTests
{
    [Fact]
    public void A_listener_added_with_explicit_kinds_gets_only_those_and_the_queue_counts_the_rest_skipped()
    {
        using var bus = new TestBus(TestOptions.Create());
        var pings = new CollectingListener();
        bus.AddToQueue(pings, "pings", EventKindSet.Of(1));
        bus.Start();

        PostMix(bus, pings: 10, pongs: 7, others: 3);
        bus.Stop();

        Assert.Equal(10, pings.Count);
        Assert.All(pings.Events, e => Assert.IsType<Ping>(e));
        QueueStats queue = bus.GetStats().Queues["pings"];
        Assert.Equal((10L, 10L, 10L, 0L), (queue.Posted, queue.Skipped, queue.Processed, queue.Dropped));
    }

    [Fact]
    public void A_listener_of_every_kind_widens_the_queue_and_its_removal_narrows_it_again()
    {
        using var bus = new TestBus(TestOptions.Create());
        var pings = new CollectingListener();
        var everything = new OtherCollectingListener();
        bus.AddToQueue(pings, "q", EventKindSet.Of(1));
        // Unknown to the dispatcher: every kind.
        bus.AddToQueue(everything, "q");
        bus.Start();

        PostMix(bus, pings: 4, pongs: 4, others: 0);
        bus.WaitUntilEmpty(TimeSpan.FromSeconds(30));
        Assert.True(bus.RemoveListener(everything));
        PostMix(bus, pings: 4, pongs: 4, others: 0);
        bus.Stop();

        Assert.Equal(8, everything.Count);
        // The Pongs the wider listener shared the queue for reached the other one too: a queue delivers what it holds to all.
        Assert.Equal(12, pings.Count);
        QueueStats queue = bus.GetStats().Queues["q"];
        Assert.Equal((12L, 4L), (queue.Posted, queue.Skipped));
        Assert.Equal(queue.Posted, queue.Processed + queue.Dropped);
    }

    [Fact]
    public void Skipped_events_take_no_room_in_a_full_queue_and_are_never_counted_as_dropped()
    {
        using var bus = new TestBus(TestOptions.Create(capacity: 4));
        using var gate = new ManualResetEventSlim();
        using var entered = new ManualResetEventSlim();
        bus.AddToQueue(
            new DelegateListener((_, _) =>
            {
                entered.Set();
                // A deadline, not an assertion: asserts stay on the test thread, whose counts fail if this times out.
                gate.Wait(TimeSpan.FromSeconds(30));
            }),
            "q",
            EventKindSet.Of(1));
        bus.Start();

        bus.Post(new Ping(0));
        Assert.True(entered.Wait(TimeSpan.FromSeconds(30)), "the listener never got the first event");
        PostMix(bus, pings: 0, pongs: 100, others: 0);
        QueueStats whileBlocked = bus.GetStats().Queues["q"];
        PostMix(bus, pings: 10, pongs: 0, others: 0);
        gate.Set();
        bus.Stop();

        Assert.Equal((1L, 100L, 0L, 0), (whileBlocked.Posted, whileBlocked.Skipped, whileBlocked.Dropped, whileBlocked.Size));
        QueueStats queue = bus.GetStats().Queues["q"];
        Assert.Equal((11L, 100L, 5L, 6L), (queue.Posted, queue.Skipped, queue.Processed, queue.Dropped));
    }

    [Fact]
    public void An_empty_set_skips_every_event_and_a_kind_the_dispatcher_lacks_throws()
    {
        using var bus = new TestBus(TestOptions.Create());
        var none = new CollectingListener();
        bus.AddToQueue(none, "none", EventKindSet.Of());

        Assert.Throws<ArgumentOutOfRangeException>(() => bus.AddToQueue(new CollectingListener(), "q", EventKindSet.Of(3)));
        Assert.Throws<ArgumentOutOfRangeException>(() => EventKindSet.Of(-1));
        Assert.Throws<ArgumentNullException>(() => bus.AddToQueue(new CollectingListener(), "q", null!));
        Assert.DoesNotContain("q", bus.ActiveQueues);

        bus.Start();
        PostMix(bus, pings: 2, pongs: 2, others: 2);
        bus.Stop();
        Assert.Equal(0, none.Count);
        Assert.Equal((0L, 6L), (bus.GetStats().Queues["none"].Posted, bus.GetStats().Queues["none"].Skipped));
    }

    [Fact]
    public void Events_buffered_before_Start_are_filtered_when_flushed()
    {
        using var bus = new TestBus(TestOptions.Create());
        var pongs = new CollectingListener();
        bus.AddToQueue(pongs, "pongs", EventKindSet.Of(2));
        PostMix(bus, pings: 3, pongs: 2, others: 1);
        bus.Start();
        bus.Stop();

        Assert.Equal(2, pongs.Count);
        Assert.Equal((2L, 4L), (bus.GetStats().Queues["pongs"].Posted, bus.GetStats().Queues["pongs"].Skipped));
    }

    [Fact]
    public void EventKindSet_keeps_its_kinds_sorted_once_and_All_holds_every_kind()
    {
        EventKindSet set = EventKindSet.Of(4, 2, 4);

        Assert.Equal([2, 4], set.Kinds);
        Assert.True(set.Contains(2) && !set.Contains(3));
        Assert.False(set.IsAll);
        Assert.True(EventKindSet.All.IsAll && EventKindSet.All.Contains(12345));
        Assert.Equal("kinds 2, 4", set.ToString());
    }

    private static void PostMix(TestBus bus, int pings, int pongs, int others)
    {
        for (int i = 0; i < pings; i++)
        {
            bus.Post(new Ping(i));
        }

        for (int i = 0; i < pongs; i++)
        {
            bus.Post(new Pong(i));
        }

        for (int i = 0; i < others; i++)
        {
            bus.Post(new TestEvent(i));
        }
    }
}
