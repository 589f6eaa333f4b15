using System.Linq;
using GeneratedBus.Runtime.Tests.Support;

namespace GeneratedBus.Runtime.Tests.Queues;

/// <summary>
/// A post into many idle queues does not pay a wake-up per queue: the poster wakes at most the first parked consumer
/// of a clock tick itself and hands the others to the waker thread (issue 16: post latency grew with idle queues,
/// 38-44 ms for 1,000), and every queue still gets the event.
/// </summary>
public class ConsumerWakerTests
{
    private const int Queues = 64;

    [Fact]
    public void A_post_into_many_idle_queues_wakes_few_consumers_itself_and_every_queue_gets_the_event()
    {
        using var bus = new TestBus(TestOptions.Create(capacity: 16));
        CollectingListener[] listeners = Enumerable.Range(0, Queues).Select(_ => new CollectingListener()).ToArray();
        for (int i = 0; i < Queues; i++)
        {
            bus.AddToQueue(listeners[i], "q" + i);
        }

        bus.Start();
        Eventually.True(() => Enumerable.Range(0, Queues).All(i => bus.Queue("q" + i).Parking.IsParked), "every consumer parked");

        int before = ConsumerWaker.DirectWakesOnThisThread;
        bus.Post(new Ping(1));
        int direct = ConsumerWaker.DirectWakesOnThisThread - before;

        // One per clock tick the post spans: a post preempted for a few ticks may make a few; one per queue was the defect.
        Assert.InRange(direct, 0, Queues / 4);
        Eventually.True(() => listeners.All(l => l.Count == 1), "every queue delivered the event");
    }
}
