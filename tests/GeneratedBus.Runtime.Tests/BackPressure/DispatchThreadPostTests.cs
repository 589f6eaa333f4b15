using System;
using System.Threading;
using GeneratedBus.Runtime.Tests.Support;

namespace GeneratedBus.Runtime.Tests.BackPressure;

/// <summary>
/// A post from a dispatch thread never waits, whatever the queue's mode: a listener that waited for room in a queue
/// could wait for itself, directly or through another queue.
/// </summary>
public class DispatchThreadPostTests
{
    [Fact]
    public void A_listener_posting_into_its_own_full_Wait_queue_drops_counts_and_logs_once_instead_of_waiting()
    {
        var logs = new CountingLoggerFactory();
        var options = TestOptions.Create(capacity: 1);
        options.LoggerFactory = logs;
        options.QueueFullMode = QueueFullMode.Wait;
        using var bus = new TestBus(options);
        int returned = 0;
        bus.AddToQueue(new DelegateListener((e, k) =>
        {
            if (e.Value == 0)
            {
                // Room for one: 101 is taken, 102 to 105 are dropped (the queue's own thread cannot make room).
                for (int i = 101; i <= 105; i++)
                {
                    bus.Post(new Pong(i));
                }

                Volatile.Write(ref returned, 1);
            }
        }), "self");
        bus.Start();

        bus.Post(new Ping(0));
        Eventually.True(() => Volatile.Read(ref returned) == 1, "the listener returned from its posts (deadlock?)");
        bus.WaitUntilEmpty(TimeSpan.FromSeconds(30));

        QueueStats q = bus.GetStats().Queues["self"];
        Assert.Equal((6L, 2L, 4L), (q.Posted, q.Processed, q.Dropped));

        // One message for the queue, the specific one: not the generic first-drop error.
        bus.FlushLog();
        Assert.Equal(1, logs.Count(12));
        Assert.Equal(0, logs.Count(4));
    }

    [Fact]
    public void Two_Wait_queues_whose_listeners_post_into_each_other_never_deadlock_and_lose_no_outside_event()
    {
        const int Pings = 200;
        var options = TestOptions.Create(capacity: 1);
        options.QueueFullMode = QueueFullMode.Wait;
        using var bus = new TestBus(options);
        int pingsA = 0, pingsB = 0;

        // Each Ping makes both listeners post Pongs, which every queue gets: each dispatch thread posts into its
        // own full queue and into the other's, while the other does the same. Waiting there would deadlock.
        bus.AddToQueue(new DelegateListener((e, k) => Echo(bus, e, ref pingsA)), "a");
        bus.AddToQueue(new DelegateListener((e, k) => Echo(bus, e, ref pingsB)), "b");
        bus.Start();

        Workers.Run(() =>
        {
            for (int i = 0; i < Pings; i++)
            {
                bus.Post(new Ping(i));
            }

            bus.WaitUntilEmpty(TimeSpan.FromSeconds(60));
        }, "posting from outside, then draining");
        Workers.Run(bus.Stop, "Stop");

        // Outside posts waited, so both queues had every Ping; only the listeners' own posts were dropped.
        Assert.Equal(Pings, Volatile.Read(ref pingsA));
        Assert.Equal(Pings, Volatile.Read(ref pingsB));
        BusStats stats = bus.GetStats();
        Assert.All(stats.Queues.Values, q =>
        {
            Assert.Equal(q.Posted, q.Processed + q.Dropped);
            Assert.Equal(0, q.Size);
        });
        Assert.True(stats.Queues["a"].Dropped + stats.Queues["b"].Dropped > 0, "no listener post ever met a full queue");
    }

    private static void Echo(TestBus bus, TestEvent e, ref int pings)
    {
        if (e is Ping)
        {
            Interlocked.Increment(ref pings);
            for (int i = 0; i < 4; i++)
            {
                bus.Post(new Pong(e.Value));
            }
        }
    }
}
