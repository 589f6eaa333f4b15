using System;
using System.Linq;
using System.Threading;
using GeneratedBus.Runtime.Tests.Support;

namespace GeneratedBus.Runtime.Tests.StressTests;

/// <summary>Listeners and queues come and go while several threads post; the listeners that stay miss nothing.</summary>
[Trait("Category", "Stress")]
[Collection(StressCollection.Name)]
public class ChurnStressTests
{
    private const int Producers = 3;
    private const int Churners = 2;

    [Fact]
    public void Listeners_and_queues_come_and_go_while_posting_and_the_listeners_that_stay_miss_nothing()
    {
        int maxPerProducer = Stress.Scale(100_000);
        int churns = Stress.Scale(300);
        var logs = new CountingLoggerFactory();
        var options = TestOptions.Create(capacity: 256);
        options.LoggerFactory = logs;

        // The queues whose listeners stay have room for every event: they cannot drop, so "misses nothing" is exact.
        options.QueueCapacities["keep"] = Producers * maxPerProducer;
        options.QueueCapacities["mixed"] = Producers * maxPerProducer;
        using var bus = new TestBus(options);
        var keep = new CheckingListener(contiguous: true);
        var mixed = new CheckingListener(contiguous: true);
        bus.AddToQueue(keep, "keep");
        bus.AddToQueue(mixed, "mixed");
        bus.Start();

        // Producers post until the churn is over (so the two overlap), up to a bound that sizes the lossless queues.
        int churnersLeft = Churners;
        var posted = new int[Producers];
        Workers producers = Workers.Start(Producers, p =>
        {
            int i = 0;
            while (i < maxPerProducer && (Volatile.Read(ref churnersLeft) > 0 || i < 1000))
            {
                Sequenced.Post(bus, p, i++);
            }

            posted[p] = i;
        }, "producer");

        // Each round makes a temporary listener, puts it on a queue of its own (created now, retired when it leaves)
        // and on the lasting queues, reads stats, and removes it: every queue it emptied is stopped and joined.
        var temps = new System.Collections.Concurrent.ConcurrentQueue<PerQueueCheckingListener>();
        Workers churners = Workers.Start(Churners, c =>
        {
            try
            {
                for (int i = 0; i < churns; i++)
                {
                    var temp = new PerQueueCheckingListener();
                    temps.Enqueue(temp);
                    bus.AddToQueue(temp, $"churn-{c}-{i % 3}");
                    bus.AddToQueue(temp, "mixed");
                    if (i % 2 == 0)
                    {
                        bus.AddToQueue(temp, "keep");
                    }

                    _ = bus.GetStats();
                    _ = bus.ActiveQueues;
                    if (!bus.RemoveListener(temp))
                    {
                        throw new InvalidOperationException("RemoveListener did not find a listener it had added");
                    }
                }
            }
            finally
            {
                Interlocked.Decrement(ref churnersLeft);
            }
        }, "churner");
        churners.Join("churners");
        producers.Join("producers");
        bus.WaitUntilEmpty(Workers.HangBound);
        Workers.Run(bus.Stop, "Stop");

        int total = posted.Sum();
        BusStats stats = bus.GetStats();
        Assert.Equal(total, stats.EventsPosted);
        Assert.Equal(new[] { "keep", "mixed" }, bus.ActiveQueues);
        Assert.Equal(new ITestListener[] { keep, mixed }, bus.Listeners);

        // The lasting listeners saw every event of every producer, once, in order.
        foreach ((string name, CheckingListener listener) in new[] { ("keep", keep), ("mixed", mixed) })
        {
            Assert.Equal(new QueueStats(name, total, 0, total, total, 0), stats.Queues[name]);
            listener.Check.AssertSawExactly(name, posted);
        }

        // Every queue, retired ones included (their totals summed by name), balances.
        Assert.Equal(2 + (Churners * 3), stats.Queues.Count);
        foreach (QueueStats q in stats.Queues.Values)
        {
            Assert.Equal(q.Posted, q.Processed + q.Dropped);
            Assert.Equal(0, q.Size);
        }

        // The temporary listeners got what they got in order, and no dispatch thread met an exception (any would
        // be logged as a listener failure, an interrupt or an exit timeout).
        Assert.Equal(Churners * churns, temps.Count);
        Assert.All(temps.SelectMany(t => t.Checks), c => c.AssertClean("temporary listener"));
        // Not vacuous, in the long run: in CI's short one a loaded machine may start no temporary queue's thread
        // before its listener leaves (a reused name's queue first waits for its predecessor's thread).
        Assert.True(!Stress.Long || temps.SelectMany(t => t.Checks).Sum(c => c.Count) > 0, "no temporary listener ever got an event");
        bus.FlushLog();
        Assert.All(new[] { 1, 2, 7, 8, 10 }, id => Assert.True(logs.Count(id) == 0, $"log {id} written: {logs.Summary}"));
        Assert.Equal(0, stats.Listeners[typeof(CheckingListener)].Failures);
        Assert.Equal(Churners * churns, logs.Count(9));
    }

    [Fact]
    public void The_synchronous_bus_loses_no_listener_and_no_event_to_adds_and_removes_from_many_threads()
    {
        var bus = new SyncTestBus();
        var keep = Enumerable.Range(0, 4).Select(_ => new CheckingListener(contiguous: true)).ToArray();
        foreach (CheckingListener k in keep)
        {
            bus.AddListener(k);
        }

        int churnersLeft = 4;
        int posted = 0;
        Workers poster = Workers.Start(1, _ =>
        {
            while (Volatile.Read(ref churnersLeft) > 0 || posted < 1000)
            {
                bus.PostToAll(Sequenced.Create(0, posted++));
            }
        }, "poster");
        Workers churners = Workers.Start(4, _ =>
        {
            try
            {
                for (int n = 0; n < Stress.Scale(500); n++)
                {
                    var temp = new OtherCollectingListener();
                    bus.AddListener(temp);
                    if (!bus.RemoveListener(temp))
                    {
                        throw new InvalidOperationException("RemoveListener did not find a listener it had added");
                    }
                }
            }
            finally
            {
                Interlocked.Decrement(ref churnersLeft);
            }
        }, "churner");
        churners.Join("churners");
        poster.Join("poster");

        Assert.Equal(keep, bus.Listeners);
        Assert.All(keep, k => k.Check.AssertSawExactly("lasting listener", posted));
    }

    /// <summary>
    /// On several queues at once, so several threads deliver to it: order holds per queue, so it checks per
    /// delivering thread (one per queue).
    /// </summary>
    private sealed class PerQueueCheckingListener : ITestListener
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<Thread, SequenceCheck> _checks = new();

        public SequenceCheck[] Checks => [.. _checks.Values];

        public void On(TestEvent e, int kind) =>
            _checks.GetOrAdd(Thread.CurrentThread, _ => new SequenceCheck(contiguous: false)).Record(e, kind);
    }
}
