using System;
using System.Linq;
using System.Threading;
using GeneratedBus.Runtime.Tests.Support;

namespace GeneratedBus.Runtime.Tests.BackPressure;

/// <summary>
/// <see cref="QueueFullMode.Wait"/> through the public API: Post blocks on a full Wait queue and resumes in order,
/// the other queues of the post are not held back, Stop frees waiting producers and counts their events, and each
/// wait shows in the metrics.
/// </summary>
[Collection(GlobalMeterCollection.Name)]
public class WaitModeTests
{
    [Fact]
    public void Post_blocks_on_a_full_Wait_queue_until_it_has_room_then_every_event_arrives_in_order()
    {
        var options = TestOptions.Create(capacity: 2);
        options.QueueFullModes["wait"] = QueueFullMode.Wait;
        options.QueueCapacities["other"] = 100;
        using var bus = new TestBus(options);
        var waited = new CollectingListener();
        var other = new CollectingListener();
        bus.AddToQueue(waited, "wait");
        bus.AddToQueue(other, "other");
        using BlockingListener blocking = BlockingListener.StartBlocked(bus, "wait");
        bus.Post(new Ping(1));
        bus.Post(new Ping(2));

        // Event 0 is in the listener, 1 and 2 fill the queue: the post of 3 waits.
        Workers producer = Workers.Start(1, _ =>
        {
            for (int i = 3; i <= 5; i++)
            {
                bus.Post(new Ping(i));
            }
        }, "producer");
        AssertParked(producer);

        // The DropWrite queue of the same post already has event 3; the Wait queue has not taken it, nor dropped it.
        other.WaitForCount(4);
        QueueStats waiting = bus.GetStats().Queues["wait"];
        Assert.Equal((3L, 2, 0L), (waiting.Posted, waiting.Size, waiting.Dropped));

        blocking.Release();
        producer.Join("producer");
        bus.WaitUntilEmpty(TimeSpan.FromSeconds(30));
        Assert.Equal(Enumerable.Range(0, 6), waited.Events.Select(e => e.Value));
        Assert.Equal(Enumerable.Range(0, 6), other.Events.Select(e => e.Value));
        QueueStats done = bus.GetStats().Queues["wait"];
        Assert.Equal((6L, 6L, 0L), (done.Posted, done.Processed, done.Dropped));
    }

    [Fact]
    public void A_DropWrite_override_on_a_Wait_bus_drops_without_holding_the_producer()
    {
        var options = TestOptions.Create(capacity: 1);
        options.QueueFullMode = QueueFullMode.Wait;
        options.QueueFullModes["lossy"] = QueueFullMode.DropWrite;
        using var bus = new TestBus(options);
        using BlockingListener blocking = BlockingListener.StartBlocked(bus, "lossy");

        Workers.Run(() =>
        {
            for (int i = 1; i <= 4; i++)
            {
                bus.Post(new Ping(i));
            }
        }, "posts to a full DropWrite queue");

        QueueStats lossy = bus.GetStats().Queues["lossy"];
        Assert.Equal((5L, 1, 3L), (lossy.Posted, lossy.Size, lossy.Dropped));
        blocking.Release();
    }

    [Fact]
    public void Stop_frees_producers_waiting_on_a_full_queue_and_counts_their_events_as_dropped()
    {
        var logs = new CountingLoggerFactory();
        var options = TestOptions.Create(capacity: 1);
        options.LoggerFactory = logs;
        options.QueueFullMode = QueueFullMode.Wait;
        using var bus = new TestBus(options);
        using BlockingListener blocking = BlockingListener.StartBlocked(bus, "wait");
        bus.Post(new Ping(1));
        Workers producers = Workers.Start(2, p => bus.Post(new Ping(10 + p)), "producer");
        AssertParked(producers);

        // Stop frees them at once, although it then waits for the stuck listener.
        Workers stopper = Workers.Start(1, _ => bus.Stop(), "Stop");
        producers.Join("producers");
        Assert.True(stopper.IsAnyAlive, "Stop returned while a listener still held an event");
        blocking.Release();
        stopper.Join("Stop");

        // 0 delivered, 1 delivered from the queue, 10 and 11 dropped where they waited.
        BusStats stats = bus.GetStats();
        QueueStats q = stats.Queues["wait"];
        Assert.Equal((4L, 2L, 2L, 0), (q.Posted, q.Processed, q.Dropped, q.Size));
        Assert.Equal(4, stats.EventsPosted);
        bus.FlushLog();
        Assert.Equal(1, logs.Count(13));
    }

    [Fact]
    public void Each_wait_is_counted_and_timed_under_its_bus_and_queue()
    {
        string name = "backpressure-" + Guid.NewGuid().ToString("N");
        using var recorder = new MetricRecorder(name);
        var options = TestOptions.Create(capacity: 1, name: name);
        options.QueueFullModes["wait"] = QueueFullMode.Wait;
        using var bus = new TestBus(options);
        using BlockingListener blocking = BlockingListener.StartBlocked(bus, "wait");
        bus.Post(new Ping(1));
        Workers producer = Workers.Start(1, _ => bus.Post(new Ping(2)), "producer");
        AssertParked(producer);

        Assert.Equal(1, Assert.Single(recorder.Of(BusMetricNames.ProducerWaits, "wait")).Value);
        blocking.Release();
        producer.Join("producer");

        Assert.True(Assert.Single(recorder.Of(BusMetricNames.ProducerWaitDuration, "wait")).Value > 0, "a wait took no time");
        bus.Stop();
    }

    [Fact]
    public void An_interrupted_Post_throws_and_counts_its_event_dropped_on_every_Wait_queue_it_had_not_reached()
    {
        var options = TestOptions.Create(capacity: 1);
        options.QueueFullMode = QueueFullMode.Wait;
        using var bus = new TestBus(options);
        using var blockingA = new BlockingListener();
        using var blockingB = new BlockingListener();
        bus.AddToQueue(blockingA, "a");
        bus.AddToQueue(blockingB, "b");
        bus.Start();
        bus.Post(new Ping(0));
        blockingA.WaitUntilEntered();
        blockingB.WaitUntilEntered();
        bus.Post(new Ping(1));

        Exception? thrown = null;
        var producer = new Thread(() =>
        {
            try
            {
                bus.Post(new Ping(2));
            }
            catch (Exception ex)
            {
                thrown = ex;
            }
        });
        producer.Start();
        Eventually.True(() => bus.Queue("a").Waiting!.ParkedCount == 1, "the post parks on queue a");
        producer.Interrupt();
        Assert.True(producer.Join(TimeSpan.FromSeconds(30)), "the interrupted post did not return");

        Assert.IsType<ThreadInterruptedException>(thrown);
        blockingA.Release();
        blockingB.Release();
        bus.WaitUntilEmpty(TimeSpan.FromSeconds(30));
        BusStats stats = bus.GetStats();
        Assert.All(stats.Queues.Values, q => Assert.Equal((3L, 2L, 1L), (q.Posted, q.Processed, q.Dropped)));
    }

    [Fact]
    public void The_default_start_buffer_holds_what_the_smallest_Wait_queue_can_take_so_Start_drops_nothing_there()
    {
        var options = TestOptions.Create(capacity: 100);
        options.QueueFullModes["wait"] = QueueFullMode.Wait;
        options.QueueCapacities["wait"] = 4;
        using var bus = new TestBus(options);
        var waited = new CollectingListener();
        var other = new CollectingListener();
        bus.AddToQueue(waited, "wait");
        bus.AddToQueue(other, "other");
        for (int i = 0; i < 10; i++)
        {
            bus.Post(new Ping(i));
        }

        bus.Start();
        bus.WaitUntilEmpty(TimeSpan.FromSeconds(30));
        BusStats stats = bus.GetStats();
        Assert.Equal((4L, 6L), (stats.EventsPosted, stats.StartBufferDropped));
        Assert.All(stats.Queues.Values, q => Assert.Equal((4L, 4L, 0L), (q.Posted, q.Processed, q.Dropped)));
        Assert.Equal([0, 1, 2, 3], waited.Events.Select(e => e.Value));
    }

    [Fact]
    public void Posts_that_wait_for_room_allocate_nothing()
    {
        var options = TestOptions.Create(capacity: 64);
        options.QueueFullMode = QueueFullMode.Wait;
        using var bus = new TestBus(options);
        bus.AddToSharedQueue(new DelegateListener((e, k) => Thread.SpinWait(50)));
        bus.Start();
        var e = new Ping(1);
        WaitingProducers waiting = bus.Queue(TestBus.SharedQueue).Waiting!;

        // The listener is slower than the posts, so most of a round's posts find the queue full and wait. A round may
        // pay for one-time work (tier-up, the thread's first park); a cost per wait would show in every round.
        long allocated = long.MaxValue, waits = 0;
        for (int round = 0; round < 5 && allocated != 0; round++)
        {
            long waitsBefore = waiting.Waits;
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 20_000; i++)
            {
                bus.Post(e);
            }

            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            waits = waiting.Waits - waitsBefore;
        }

        Assert.True(waits > 100, $"only {waits} posts waited: the round did not measure the waiting path");
        Assert.Equal(0, allocated);
        bus.WaitUntilEmpty(TimeSpan.FromSeconds(30));
        Assert.Equal(0, bus.GetStats().Queues[TestBus.SharedQueue].Dropped);
    }

    /// <summary>The producers are parked in Post: their threads sleep and none has returned, also a moment later.</summary>
    private static void AssertParked(Workers producers)
    {
        Eventually.True(() => producers.AllWaiting || !producers.IsAnyAlive, "the producers park, or return");
        Thread.Sleep(50);
        Assert.True(producers.IsAnyAlive && producers.AllWaiting, "Post returned from a full Wait queue instead of waiting");
    }
}
