using System;
using System.Linq;
using System.Threading;
using GeneratedBus.Runtime.Tests.Support;

namespace GeneratedBus.Runtime.Tests.StressTests;

/// <summary>
/// Conservation with interest filtering on: four producers post Pings and Pongs while listeners of various kinds come
/// and go on a filtering queue; the queue's counts balance (offered = posted + skipped, posted = processed + dropped),
/// and the listener that stays, which handles Pings only, gets every Ping once, in order.
/// </summary>
[Trait("Category", "Stress")]
[Collection(StressCollection.Name)]
public class FilteredChurnStressTests
{
    private const int Producers = 4;

    [Fact]
    public void Filtering_queues_conserve_every_event_under_four_producers_and_listener_churn()
    {
        int perProducer = Stress.Scale(50_000);
        int total = Producers * perProducer;
        var options = TestOptions.Create(capacity: 64);

        // Room for every event: the lasting Ping listener's queue cannot drop, so "every Ping" is exact.
        options.QueueCapacities["filtered"] = total;
        using var bus = new TestBus(options);
        var pings = new PingChecker();
        bus.AddToQueue(pings, "filtered", EventKindSet.Of(1));
        bus.Start();

        EventKindSet[] shapes = [EventKindSet.All, EventKindSet.Of(2), EventKindSet.Of(0), EventKindSet.Of(1, 2), EventKindSet.Of()];
        int producersLeft = Producers;
        int churns = 0;
        Workers churner = Workers.Start(1, _ =>
        {
            // First a skip made certain: while only the Ping listener is on the queue, a Pong is skipped (a churn that
            // always held a wide listener at the posts' moments could otherwise leave none on a busy machine).
            SpinWait.SpinUntil(() => bus.GetStats().Queues["filtered"].Skipped > 0 || Volatile.Read(ref producersLeft) == 0);

            // Until the producers are done: a temporary listener of some kinds joins the filtering queue and a small
            // queue of its own, then leaves.
            for (int i = 0; Volatile.Read(ref producersLeft) > 0; i++)
            {
                var temp = new CollectingListener();
                bus.AddToQueue(temp, "filtered", shapes[i % shapes.Length]);
                bus.AddToQueue(temp, "small", shapes[(i + 1) % shapes.Length]);
                Thread.Yield();
                bus.RemoveListener(temp);
                churns++;
            }
        }, "churner");
        Workers.Start(Producers, p =>
        {
            try
            {
                for (int i = 0; i < perProducer; i++)
                {
                    Sequenced.Post(bus, p, i);
                }
            }
            finally
            {
                Interlocked.Decrement(ref producersLeft);
            }
        }, "producer").Join("producers");
        churner.Join("churner");
        Workers.Run(bus.Stop, "Stop");

        BusStats stats = bus.GetStats();
        Assert.Equal(total, stats.EventsPosted);
        QueueStats filtered = stats.Queues["filtered"];
        Assert.Equal(total, filtered.Posted + filtered.Skipped);
        Assert.Equal(filtered.Posted, filtered.Processed + filtered.Dropped);
        Assert.Equal(0, filtered.Dropped);
        foreach (QueueStats q in stats.Queues.Values)
        {
            Assert.Equal(q.Posted, q.Processed + q.Dropped);
            Assert.Equal(0, q.Size);
        }

        // Every Ping (the even sequences) reached the lasting listener, once, in each producer's order. (It also got
        // the Pongs the queue carried while a wider listener shared it: a queue delivers what it holds to all.)
        pings.Check.AssertClean("the Ping listener");
        Assert.Equal(total / 2, pings.Check.Count);
        Assert.All(Enumerable.Range(0, Producers), p => Assert.Equal(perProducer - 1, pings.Check.NextOf(p)));
        Assert.Equal(filtered.Processed, pings.Check.Count + pings.Others);

        // Not vacuous: the filter skipped Pongs, and the churn ran.
        Assert.True(filtered.Skipped > 0, "the filtering queue skipped nothing");
        Assert.True(churns > 0, "no listener came and went");
    }

    /// <summary>Checks the Pings it gets; counts the rest.</summary>
    private sealed class PingChecker : ITestListener
    {
        private long _others;

        public SequenceCheck Check { get; } = new(contiguous: false);

        public long Others => Volatile.Read(ref _others);

        public void On(TestEvent e, int kind)
        {
            if (e is Ping)
            {
                Check.Record(e, kind);
            }
            else
            {
                Volatile.Write(ref _others, _others + 1);
            }
        }
    }
}
