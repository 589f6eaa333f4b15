using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using GeneratedBus.Runtime.Tests.Support;

namespace GeneratedBus.Runtime.Tests.Bus;

[Trait("Category", "Stress")]
public class StressTests
{
    [Fact]
    public void Three_queues_with_slow_throwing_and_fast_listeners_conserve_every_event()
    {
        using var bus = new TestBus(TestOptions.Create(capacity: 64));
        var fastSeen = new ConcurrentDictionary<int, int>();
        bus.AddToQueue(new DelegateListener((e, k) => Thread.SpinWait(2000)), "slow");
        bus.AddToQueue(new ThrowingListener(), "throwing");
        bus.AddToQueue(new CollectingListener(), "throwing");
        bus.AddToQueue(new DelegateListener((e, k) => fastSeen.AddOrUpdate(e.Value, 1, (_, n) => n + 1)), "fast");
        bus.Start();

        int perProducer = Stress.Scale(20_000);
        var producers = Enumerable.Range(0, 2).Select(p => new Thread(() =>
        {
            for (int i = 0; i < perProducer; i++)
            {
                bus.Post(new Ping((p * perProducer) + i));
            }
        })).ToList();
        producers.ForEach(t => t.Start());
        producers.ForEach(t => Assert.True(t.Join(TimeSpan.FromSeconds(60))));
        bus.Stop();

        BusStats stats = bus.GetStats();
        Assert.Equal(2L * perProducer, stats.EventsPosted);
        Assert.All(stats.Queues.Values, q =>
        {
            Assert.Equal(stats.EventsPosted, q.Posted);
            Assert.Equal(q.Posted, q.Processed + q.Dropped);
            Assert.Equal(0, q.Size);
        });
        QueueStats fast = stats.Queues["fast"];
        Assert.Equal(fast.Processed, fastSeen.Count);
        Assert.All(fastSeen.Values, n => Assert.Equal(1, n));
        Assert.Equal(stats.Queues["throwing"].Processed, stats.Listeners[typeof(ThrowingListener)].Failures);
    }

    [Fact]
    public void Stop_under_concurrent_posting_leaves_every_queue_balanced()
    {
        for (int round = 0; round < Stress.Scale(10); round++)
        {
            using var bus = new TestBus(TestOptions.Create(capacity: 3));
            var seen = new CollectingListener();
            bus.AddToQueue(seen, "a");
            bus.AddToQueue(new DelegateListener((e, k) => Thread.SpinWait(100)), "b");
            bus.Start();
            bool stop = false;
            var producers = Enumerable.Range(0, 2).Select(p => new Thread(() =>
            {
                for (int i = 0; !Volatile.Read(ref stop); i++)
                {
                    bus.Post(new Ping((p << 24) | i));
                }
            })).ToList();
            producers.ForEach(t => t.Start());
            Thread.Sleep(20);

            bus.Stop();
            Volatile.Write(ref stop, true);
            producers.ForEach(t => Assert.True(t.Join(TimeSpan.FromSeconds(30))));

            BusStats stats = bus.GetStats();
            Assert.All(stats.Queues.Values, q => Assert.Equal(q.Posted, q.Processed + q.Dropped));
            Assert.Equal(stats.Queues["a"].Processed, seen.Count);

            // Per-producer FIFO: the values of each producer increase.
            foreach (var group in seen.Events.GroupBy(e => e.Value >> 24))
            {
                int[] values = group.Select(e => e.Value & 0xFFFFFF).ToArray();
                Assert.True(values.SequenceEqual(values.Order()), "per-producer order");
            }
        }
    }

    [Fact]
    public void Posting_into_a_parking_consumer_never_loses_a_wakeup()
    {
        using var bus = new TestBus(TestOptions.Create());
        int seen = 0;
        bus.AddToSharedQueue(new DelegateListener((e, k) => Interlocked.Increment(ref seen)));
        bus.Start();

        // Random pauses land posts while the consumer spins, parks or is about to park: a lost wakeup leaves one
        // unseen for good.
        var random = new Random(42);
        for (int i = 1; i <= Stress.Scale(5000); i++)
        {
            Thread.SpinWait(random.Next(0, 4000));
            bus.Post(new Ping(i));
            var spin = default(SpinWait);
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (Volatile.Read(ref seen) < i)
            {
                Assert.True(DateTime.UtcNow < deadline, $"event {i} was never delivered: lost wakeup");
                spin.SpinOnce(sleep1Threshold: -1);
            }
        }

        bus.Stop();
    }
}
