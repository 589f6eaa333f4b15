using System.Linq;
using GeneratedBus.Runtime.Tests.Support;

namespace GeneratedBus.Runtime.Tests.Bus;

/// <summary>
/// Regression for AddToQueue reading the bus state twice: a Stop that flipped the state between the reads left a
/// published queue that was never started, holding its events forever. The test seam puts that Stop exactly there.
/// </summary>
public class StopRacingQueueCreationTests
{
    [Fact]
    public void A_queue_created_while_Stop_begins_is_started_closed_and_drained()
    {
        using var bus = new TestBus(TestOptions.Create(capacity: 16));
        bus.AddToQueue(new CollectingListener(), "base");
        bus.Start();
        var late = new CollectingListener();
        Workers? stopper = null;
        bus.BeforeQueuePublished = created =>
        {
            // Events a producer that saw the bus running offers once the queue is published: put in directly, as the
            // queue is not visible to Post yet.
            var queue = (AsyncEventQueue<ITestListener, TestEvent>)created;
            for (int i = 0; i < 3; i++)
            {
                queue.Offer(new Ping(i), 1);
            }

            // Stop flips the state now (AddToQueue has read it already), then waits for the gate this call holds.
            stopper = Workers.Start(1, _ => bus.Stop(), "Stop");
            Eventually.True(() => bus.IsStopping, "Stop began");
        };

        // It read the state before Stop began, so it creates the queue rather than refusing.
        bus.AddToQueue(late, "late");
        Assert.NotNull(stopper);
        stopper.Join("Stop");

        // Stop listed the new queue, so it closed and joined it: started, the queue delivered what it held.
        Assert.Equal(new QueueStats("late", 16, 0, 3, 3, 0), bus.GetStats().Queues["late"]);
        Assert.Equal(new[] { 0, 1, 2 }, late.Events.Select(e => e.Value));
    }
}
