using System;
using System.Threading;
using GeneratedBus.Runtime.Tests.Support;

namespace GeneratedBus.Runtime.Tests.StressTests;

/// <summary>
/// RequestStop from listeners on every queue, from producers and from the test thread, all at once, round after
/// round: the bus stops once, nothing deadlocks, and the counters end balanced and frozen (issue 14, point 5).
/// </summary>
[Trait("Category", "Stress")]
[Collection(StressCollection.Name)]
public class RequestStopStressTests
{
    [Fact]
    public void RequestStop_from_many_threads_and_listeners_at_once_stops_the_bus_once_with_balanced_counters()
    {
        for (int round = 0; round < Stress.Scale(20); round++)
        {
            using var bus = new TestBus(TestOptions.Create(capacity: 64));
            int stopAt = 200 + (round * 97 % 2_000);
            for (int q = 0; q < 3; q++)
            {
                bus.AddToQueue(new DelegateListener((e, _) =>
                {
                    if (e.Value >= stopAt)
                    {
                        bus.RequestStop();
                    }
                }), $"q{q}");
            }

            bus.Start();
            Workers producers = Workers.Start(4, w =>
            {
                for (int i = 0; i < 5_000; i++)
                {
                    bus.Post(new Ping(i));
                    if (w == 0 && i == stopAt * 2)
                    {
                        bus.RequestStop();
                    }
                }
            }, "producer");
            if (round % 2 == 0)
            {
                bus.Stop();
            }

            producers.Join("producers");
            Completion.Of(bus.RequestStop(), "the requested stop");

            Assert.False(bus.IsRunning);
            BusStats stats = bus.GetStats();
            foreach (QueueStats queue in stats.Queues.Values)
            {
                Assert.Equal(0, queue.Size);
                Assert.Equal(queue.Posted, queue.Processed + queue.Dropped);
                Assert.Equal(stats.EventsPosted, queue.Posted);
            }

            // Frozen: a post now is ignored.
            bus.Post(new Ping(-1));
            Assert.Equal(stats.EventsPosted, bus.GetStats().EventsPosted);
        }
    }
}
