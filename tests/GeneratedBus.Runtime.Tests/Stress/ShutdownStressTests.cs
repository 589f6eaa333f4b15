using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using GeneratedBus.Runtime.Tests.Support;

namespace GeneratedBus.Runtime.Tests.StressTests;

/// <summary>
/// Stop under fire returns, given listeners that return or a finite ExitTimeout (a hang fails the test after
/// <see cref="Workers.HangBound"/>; a deadlock guard, not a speed assertion), and leaves every queue's counters
/// balanced and frozen.
/// </summary>
[Trait("Category", "Stress")]
[Collection(StressCollection.Name)]
public class ShutdownStressTests
{
    private const int Producers = 3;

    /// <summary>Events per producer in the blocked-listener tests.</summary>
    private static readonly int PerProducer = Stress.Scale(100_000);

    [Fact]
    public void Stop_while_producers_post_freezes_balanced_counters_and_a_lossless_queue_holds_a_prefix_of_each_producer()
    {
        var random = new Random(11);
        int max = Stress.Scale(20_000);
        for (int round = 0; round < Stress.Scale(10); round++)
        {
            var options = TestOptions.Create(capacity: 3);
            options.QueueCapacities["lossless"] = Producers * max;
            using var bus = new TestBus(options);
            var lossless = new CheckingListener(contiguous: true);
            var slow = new CheckingListener(contiguous: false);
            bus.AddToQueue(lossless, "lossless");
            bus.AddToQueue(slow, "slow");
            bus.AddToQueue(new DelegateListener((e, k) => Thread.SpinWait(100)), "slow");
            bus.Start();
            var posting = new Posting(bus, Producers, max);

            // Stop at a different point each round: after a random number of deliveries, not after a sleep.
            int stopAfter = random.Next(0, max / 2);
            Eventually.True(() => lossless.Check.Count >= stopAfter || !posting.Workers.IsAnyAlive, "deliveries before Stop");
            BusStats atStop = null!;
            Workers.Run(() => { bus.Stop(); atStop = bus.GetStats(); }, "Stop");
            posting.End();

            BusStats after = bus.GetStats();
            AssertFrozen(atStop, after);
            AssertBalanced(after);

            // The closed queue took each producer's events up to some point and none after: a prefix, all delivered.
            QueueStats q = after.Queues["lossless"];
            Assert.Equal(0, q.Dropped);
            Assert.Equal(q.Processed, lossless.Check.Count);
            lossless.Check.AssertClean("lossless listener");
            Assert.Equal(q.Posted, Enumerable.Range(0, Producers).Sum(lossless.Check.NextOf));
            Assert.All(Enumerable.Range(0, Producers), p => Assert.InRange(lossless.Check.NextOf(p), 0, posting.Posted[p]));
            Assert.Equal(after.Queues["slow"].Processed, slow.Check.Count);
            slow.Check.AssertClean("slow listener");
        }
    }

    [Fact]
    public void Stop_without_ExitTimeout_waits_for_a_blocked_listener_and_then_every_accepted_event_is_delivered()
    {
        var logs = new CountingLoggerFactory();
        var options = TestOptions.Create(capacity: 8);
        options.ExitTimeout = Timeout.InfiniteTimeSpan;
        options.LoggerFactory = logs;
        options.QueueCapacities["free"] = Producers * PerProducer;
        using var bus = new TestBus(options);
        using var blocking = new BlockingListener();
        var stuckCheck = new CheckingListener(contiguous: false);
        var free = new CheckingListener(contiguous: true);
        bus.AddToQueue(blocking, "stuck");
        bus.AddToQueue(stuckCheck, "stuck");
        bus.AddToQueue(free, "free");
        bus.Start();
        var posting = new Posting(bus, Producers, PerProducer);
        blocking.WaitUntilEntered();

        Workers stopper = Workers.Start(1, _ => bus.Stop(), "Stop");
        Eventually.True(
            () => bus.IsStopping && stopper.AllWaiting && bus.GetStats().Queues["free"].Size == 0,
            "Stop began and waits, and the free queue drained");

        // Never a false failure: Stop must still wait, since a listener holds an event (it did not give up waiting,
        // checked first) and there is no timeout.
        Assert.False(blocking.TimedOut, "the blocking listener gave up waiting");
        Assert.True(stopper.IsAnyAlive, "Stop returned while a listener still held an event");
        blocking.Release();
        stopper.Join("Stop");
        posting.End();

        BusStats stats = bus.GetStats();
        AssertBalanced(stats);
        QueueStats stuck = stats.Queues["stuck"];
        Assert.Equal(stuck.Processed, blocking.Calls);
        Assert.Equal(stuck.Processed, stuckCheck.Check.Count);
        stuckCheck.Check.AssertClean("stuck queue's other listener");
        Assert.Equal(stats.Queues["free"].Processed, free.Check.Count);
        free.Check.AssertClean("free listener");
        Assert.Equal(0, logs.Count(7) + logs.Count(8));
    }

    [Fact]
    public void Stop_with_ExitTimeout_abandons_a_blocked_queue_and_counts_what_it_held_as_dropped_once_released()
    {
        var logs = new CountingLoggerFactory();
        var options = TestOptions.Create(capacity: 64);
        options.ExitTimeout = TimeSpan.FromMilliseconds(200);
        options.LoggerFactory = logs;
        options.QueueCapacities["free"] = Producers * PerProducer;
        using var bus = new TestBus(options);
        using var blocking = new BlockingListener();
        var free = new CheckingListener(contiguous: true);
        bus.AddToQueue(blocking, "stuck");
        bus.AddToQueue(free, "free");
        bus.Start();
        var posting = new Posting(bus, Producers, PerProducer);
        blocking.WaitUntilEntered();

        Workers.Run(bus.Stop, "Stop");
        posting.End();

        // Stop returned with the listener still blocked: the stuck queue holds its events as Size and one in flight,
        // none lost, and it alone is certain to have been abandoned.
        BusStats atStop = bus.GetStats();
        bus.FlushLog();
        QueueStats held = atStop.Queues["stuck"];
        Assert.Equal(1, blocking.Calls);
        Assert.Equal(0, held.Processed);
        Assert.Equal(held.Posted, held.Dropped + held.Size + 1);
        Assert.Equal(1, LoggedFor(logs, 7, "stuck"));
        AssertFreeQueueDrainedOrAbandonedExactly(bus, atStop, logs, free);

        blocking.Release();
        Eventually.True(() => bus.GetStats().Queues["stuck"].Size == 0 && LoggedFor(logs, 8, "stuck") == 1, "the abandoned queue counted its events");
        QueueStats final = bus.GetStats().Queues["stuck"];
        Assert.Equal(new QueueStats("stuck", 64, 0, held.Posted, 1, held.Dropped + held.Size), final);
        Assert.Equal(1, blocking.Calls);
    }

    /// <summary>
    /// The lossless "free" queue has the same 200 ms ExitTimeout, and on a loaded machine it may not drain the events
    /// the producers posted until Stop in time. So: either Stop joined it (drained when Stop returned, nothing dropped,
    /// every event delivered in order) or it was abandoned too, and then each producer's delivered events are a gapless
    /// prefix and exactly the rest are counted as dropped, as its log says. It never drops otherwise: its capacity fits
    /// every post.
    /// </summary>
    private static void AssertFreeQueueDrainedOrAbandonedExactly(TestBus bus, BusStats atStop, CountingLoggerFactory logs, CheckingListener free)
    {
        bool abandoned = LoggedFor(logs, 7, "free") == 1;
        Eventually.True(() => bus.GetStats().Queues["free"] is { Size: 0 } q && q.Posted == q.Processed + q.Dropped, "the free queue's thread finished");
        QueueStats stats = bus.GetStats().Queues["free"];
        Assert.Equal(stats.Processed, free.Check.Count);
        free.Check.AssertClean("free listener");
        Assert.Equal(stats.Processed, Enumerable.Range(0, Producers).Sum(free.Check.NextOf));
        if (!abandoned)
        {
            Assert.Equal(new QueueStats("free", Producers * PerProducer, 0, stats.Processed, stats.Processed, 0), stats);
            Assert.Equal(stats, atStop.Queues["free"]);
            Assert.Equal(0, LoggedFor(logs, 8, "free"));
        }
        else if (stats.Dropped > 0)
        {
            // (Abandoned just as it delivered its last event, it may drop nothing and log nothing.)
            Eventually.True(() => LoggedFor(logs, 8, "free") == 1, "the abandoned free queue logged its drops");
            Assert.Contains(logs.Kept, e => e.EventId.Id == 8 && e.Message.StartsWith("Queue free ", StringComparison.Ordinal)
                && e.Message.Contains($"; {stats.Dropped} events it still held", StringComparison.Ordinal));
        }
    }

    /// <summary>How many entries with <paramref name="eventId"/> (ExitTimeout 7, AbandonedEventsDropped 8) name <paramref name="queue"/>.</summary>
    private static int LoggedFor(CountingLoggerFactory logs, int eventId, string queue) =>
        logs.Kept.Count(e => e.EventId.Id == eventId && e.Message.StartsWith($"Queue {queue} of bus ", StringComparison.Ordinal));

    [Fact]
    public void Stop_from_inside_a_listener_throws_while_the_bus_runs_and_returns_quietly_once_another_Stop_began()
    {
        using var bus = new TestBus(TestOptions.Create(capacity: 16));
        var running = new ConcurrentQueue<Exception?>();
        Exception? stopWhileStopping = new InvalidOperationException("not called"), waitWhileStopping = null;
        using var gate = new ManualResetEventSlim();
        int phase = 0;
        var check = new CheckingListener(contiguous: false);
        bus.AddToQueue(new DelegateListener((e, k) =>
        {
            if (Interlocked.CompareExchange(ref phase, 1, 0) == 0)
            {
                running.Enqueue(Record.Exception(bus.Stop));
                running.Enqueue(Record.Exception(() => bus.WaitUntilEmpty(TimeSpan.FromSeconds(1))));
            }
            else if (Interlocked.CompareExchange(ref phase, 3, 2) == 2)
            {
                gate.Wait(Workers.HangBound);
                stopWhileStopping = Record.Exception(bus.Stop);
                waitWhileStopping = Record.Exception(() => bus.WaitUntilEmpty(TimeSpan.FromSeconds(1)));
            }
        }), "inside");
        bus.AddToQueue(check, "inside");
        bus.Start();
        var posting = new Posting(bus, Producers, Stress.Scale(200_000));

        // While the bus runs, both calls refuse to wait for their own thread, and the bus runs on.
        Eventually.True(() => running.Count == 2, "the listener called Stop and WaitUntilEmpty");
        Assert.All(running, ex => Assert.IsType<InvalidOperationException>(ex));
        long seen = check.Check.Count;
        Eventually.True(() => check.Check.Count > seen || !posting.Workers.IsAnyAlive, "delivery goes on");

        // Once another thread's Stop has begun (it waits for this queue), a Stop from inside is a second Stop: it
        // returns at once; WaitUntilEmpty still refuses.
        Volatile.Write(ref phase, 2);
        Sequenced.Post(bus, Producers, 0); // in case the producers are done: one event to hold at the gate
        Eventually.True(() => Volatile.Read(ref phase) == 3, "the listener waits at the gate");
        Workers stopper = Workers.Start(1, _ => bus.Stop(), "Stop");

        // The bus's own state, not a guess from the stopper's thread state (a JIT or GC wait would pass for it).
        Eventually.True(() => bus.IsStopping, "the other thread's Stop began");
        gate.Set();
        stopper.Join("Stop");
        posting.End();

        Assert.Null(stopWhileStopping);
        Assert.IsType<InvalidOperationException>(waitWhileStopping);
        BusStats stats = bus.GetStats();
        AssertBalanced(stats);
        Assert.Equal(stats.Queues["inside"].Processed, check.Check.Count);
        check.Check.AssertClean("inside queue's other listener");
    }

    [Fact]
    public void Two_Stops_and_a_Dispose_at_once_all_return_after_the_drain_with_the_same_balanced_counters()
    {
        for (int round = 0; round < Stress.Scale(10); round++)
        {
            var options = TestOptions.Create(capacity: 32);
            options.QueueCapacities["fast"] = Producers * 50_000;
            var bus = new TestBus(options);
            var fast = new CheckingListener(contiguous: true);
            bus.AddToQueue(new DelegateListener((e, k) => Thread.SpinWait(500)), "slow");
            bus.AddToQueue(fast, "fast");
            bus.Start();
            var posting = new Posting(bus, Producers, 50_000);
            Eventually.True(() => fast.Check.Count >= 1000 || !posting.Workers.IsAnyAlive, "deliveries before Stop");

            // Each caller reads the stats as soon as its call returns: a call that returned before the drain ended
            // would see a queue still holding events.
            var seen = new BusStats[3];
            Workers.Start(3, i =>
            {
                if (i < 2)
                {
                    bus.Stop();
                }
                else
                {
                    bus.Dispose();
                }

                seen[i] = bus.GetStats();
            }, "stopper").Join("Stop, Stop and Dispose");
            posting.End();

            foreach (BusStats s in seen)
            {
                Assert.All(s.Queues.Values, q => Assert.Equal(0, q.Size));
                Assert.Equal(Ordered(seen[0].Queues), Ordered(s.Queues));
                AssertBalanced(s);
            }

            Assert.Equal(seen[0].Queues["fast"].Processed, fast.Check.Count);
            fast.Check.AssertClean("fast listener");
        }
    }

    [Fact]
    public void Stop_racing_queue_creation_and_posts_leaves_no_queue_holding_events()
    {
        var random = new Random(5);
        for (int round = 0; round < Stress.Scale(40); round++)
        {
            using var bus = new TestBus(TestOptions.Create(capacity: 1024));
            bus.AddToQueue(new CheckingListener(contiguous: false), "base");
            bus.Start();
            var posting = new Posting(bus, Producers, 100_000);
            var created = new ConcurrentQueue<(string Queue, CheckingListener Listener)>();
            int made = 0;
            Workers creator = Workers.Start(1, _ =>
            {
                for (int i = 0; ; i++)
                {
                    var listener = new CheckingListener(contiguous: false);
                    try
                    {
                        bus.AddToQueue(listener, "new-" + i);
                    }
                    catch (InvalidOperationException)
                    {
                        return; // Stopped: refused, as documented.
                    }

                    created.Enqueue(("new-" + i, listener));
                    Volatile.Write(ref made, i + 1);
                }
            }, "creator");

            int stopAfter = random.Next(1, 20);
            Eventually.True(() => Volatile.Read(ref made) >= stopAfter, "queues created before Stop");
            Workers.Run(bus.Stop, "Stop");
            creator.Join("creator");
            posting.End();

            BusStats stats = bus.GetStats();
            AssertBalanced(stats);
            foreach ((string queue, CheckingListener listener) in created)
            {
                Assert.Equal(stats.Queues[queue].Processed, listener.Check.Count);
                listener.Check.AssertClean(queue);
            }
        }
    }

    /// <summary>
    /// Every queue: nothing waiting and <c>Posted = Processed + Dropped</c>; and every post counted in
    /// <c>EventsPosted</c> reached the queues that existed from the start, also those that raced Stop.
    /// </summary>
    private static void AssertBalanced(BusStats stats)
    {
        foreach (QueueStats q in stats.Queues.Values)
        {
            Assert.True(q.Size == 0 && q.Posted == q.Processed + q.Dropped, $"unbalanced after Stop: {q}");
        }

        if (stats.Queues.Count > 0)
        {
            // Queues created while posting saw fewer posts; the first queue existed from the start.
            Assert.Equal(stats.EventsPosted, stats.Queues.Values.Max(q => q.Posted));
        }
    }

    /// <summary>What Stop froze stays frozen: no counter moves once Stop has returned (issue 16, defect 5).</summary>
    private static void AssertFrozen(BusStats atStop, BusStats after)
    {
        Assert.Equal(atStop.EventsPosted, after.EventsPosted);
        Assert.Equal(Ordered(atStop.Queues), Ordered(after.Queues));
    }

    private static KeyValuePair<string, QueueStats>[] Ordered(IReadOnlyDictionary<string, QueueStats> queues) =>
        queues.OrderBy(p => p.Key, StringComparer.Ordinal).ToArray();
}
