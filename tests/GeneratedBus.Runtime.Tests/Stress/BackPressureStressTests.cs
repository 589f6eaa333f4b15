using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using GeneratedBus.Runtime.Tests.Support;

namespace GeneratedBus.Runtime.Tests.StressTests;

/// <summary>
/// Wait and DropWrite queues side by side under four producers: the Wait queues lose nothing and keep each
/// producer's order, the DropWrite ones drop and count, every queue balances at every read and after Stop, and Stop
/// frees producers waiting on a queue whose listener is slow.
/// </summary>
[Trait("Category", "Stress")]
[Collection(StressCollection.Name)]
public class BackPressureStressTests
{
    private const int Producers = 4;

    [Fact]
    public void Four_producers_into_mixed_DropWrite_and_Wait_queues_conserve_every_event_and_the_Wait_queues_lose_none()
    {
        // 20 000 events per producer here, 400 000 in long mode.
        int perProducer = Stress.Scale(20_000);
        int total = Producers * perProducer;
        var options = TestOptions.Create(capacity: 16);
        options.QueueFullModes["waitSlow"] = QueueFullMode.Wait;
        options.QueueFullModes["waitFast"] = QueueFullMode.Wait;
        options.QueueCapacities["waitFast"] = 64;
        options.QueueCapacities["dropFast"] = 1024;
        using var bus = new TestBus(options);
        var checks = new Dictionary<string, CheckingListener>
        {
            ["waitSlow"] = new NappingListener(contiguous: true),
            ["waitFast"] = new CheckingListener(contiguous: true),
            ["dropSlow"] = new NappingListener(contiguous: false),
            ["dropFast"] = new CheckingListener(contiguous: false),
        };
        foreach ((string queue, CheckingListener listener) in checks)
        {
            bus.AddToQueue(listener, queue);
        }

        bus.Start();
        Workers producers = Workers.Start(Producers, p =>
        {
            for (int i = 0; i < perProducer; i++)
            {
                Sequenced.Post(bus, p, i);
            }
        }, "producer");

        // The balance holds at every read while producers wait and queues drop.
        int reads = 0;
        while (producers.IsAnyAlive || reads < 10)
        {
            foreach (QueueStats q in bus.GetStats().Queues.Values)
            {
                Assert.InRange(q.Posted - q.Processed - q.Dropped - q.Size, 0, 1);
                Assert.InRange(q.Size, 0, q.Capacity);
            }

            reads++;
            Thread.Sleep(1);
        }

        producers.Join("producers");
        Workers.Run(bus.Stop, "Stop");

        BusStats stats = bus.GetStats();
        Assert.Equal(total, stats.EventsPosted);
        foreach ((string queue, CheckingListener listener) in checks)
        {
            QueueStats q = stats.Queues[queue];
            Assert.Equal(total, q.Posted);
            Assert.Equal(q.Posted, q.Processed + q.Dropped);
            Assert.Equal(0, q.Size);
            Assert.Equal(q.Processed, listener.Check.Count);
            listener.Check.AssertClean(queue);
        }

        // The Wait queues had every event of every producer, in order; the slow DropWrite queue did drop.
        Assert.Equal(0, stats.Queues["waitSlow"].Dropped);
        Assert.Equal(0, stats.Queues["waitFast"].Dropped);
        checks["waitSlow"].Check.AssertSawExactly("waitSlow", Enumerable.Repeat(perProducer, Producers).ToArray());
        checks["waitFast"].Check.AssertSawExactly("waitFast", Enumerable.Repeat(perProducer, Producers).ToArray());
        Assert.True(stats.Queues["dropSlow"].Dropped > 0, "the slow DropWrite queue never dropped");
    }

    [Fact]
    public void Stop_while_producers_wait_frees_them_all_and_freezes_balanced_counters()
    {
        var random = new Random(5);
        for (int round = 0; round < Stress.Scale(10); round++)
        {
            var options = TestOptions.Create(capacity: 8);
            options.QueueFullModes["wait"] = QueueFullMode.Wait;
            using var bus = new TestBus(options);
            var waited = new CheckingListener(contiguous: true);
            bus.AddToQueue(waited, "wait");
            bus.AddToQueue(new DelegateListener((e, k) => Thread.SpinWait(200)), "wait");
            bus.AddToQueue(new DelegateListener((e, k) => Thread.SpinWait(200)), "drop");
            bus.Start();
            var posting = new Posting(bus, Producers, Stress.Scale(50_000));

            // Stop after a random number of deliveries, with producers waiting on the slow Wait queue.
            int stopAfter = random.Next(0, 2000);
            Eventually.True(() => waited.Check.Count >= stopAfter || !posting.Workers.IsAnyAlive, "deliveries before Stop");
            BusStats atStop = null!;
            Workers.Run(() => { bus.Stop(); atStop = bus.GetStats(); }, "Stop");
            posting.End();

            BusStats after = bus.GetStats();
            Assert.Equal(Ordered(atStop.Queues), Ordered(after.Queues));
            Assert.All(after.Queues.Values, q =>
            {
                Assert.Equal(q.Posted, q.Processed + q.Dropped);
                Assert.Equal(0, q.Size);
            });

            // The Wait queue took a prefix of each producer and delivered it; only producers waiting at Stop dropped.
            QueueStats wait = after.Queues["wait"];
            Assert.InRange(wait.Dropped, 0, Producers);
            Assert.Equal(wait.Processed, waited.Check.Count);
            waited.Check.AssertClean("wait listener");
            Assert.Equal(wait.Processed, Enumerable.Range(0, Producers).Sum(waited.Check.NextOf));
        }
    }

    private static IEnumerable<QueueStats> Ordered(IReadOnlyDictionary<string, QueueStats> queues) =>
        queues.Values.OrderBy(q => q.Name, StringComparer.Ordinal);

    /// <summary>Naps 1 ms every 256 events, so a 16-slot queue fills: a Wait queue holds its producers, a DropWrite one drops.</summary>
    private sealed class NappingListener(bool contiguous) : CheckingListener(contiguous)
    {
        private int _calls;

        public override void On(TestEvent e, int kind)
        {
            base.On(e, kind);
            if (++_calls % 256 == 0)
            {
                Thread.Sleep(1);
            }
        }
    }
}
