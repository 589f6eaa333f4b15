using System;
using System.Linq;
using System.Threading;
using GeneratedBus.Runtime.Tests.Support;

namespace GeneratedBus.Runtime.Tests.Bus;

/// <summary>
/// Stop racing AddToQueue, placed exactly by the test seam that runs under the bus lock. Regressions for AddToQueue
/// reading the bus state twice (a published queue never started), and for an interrupted Stop that gave up before
/// closing the queues (their threads never ended).
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
                queue.OfferOrDrop(new Ping(i), 1);
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

    [Fact]
    public void A_Stop_interrupted_while_it_waits_for_the_bus_lock_still_closes_every_queue()
    {
        using var bus = new TestBus(TestOptions.Create(capacity: 16));
        bus.AddToQueue(new CollectingListener(), "base");
        bus.Start();
        using var holding = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        AsyncEventQueue<ITestListener, TestEvent>? late = null;
        bus.BeforeQueuePublished = created =>
        {
            // Runs under the bus lock: hold it so that Stop must wait for it.
            late = (AsyncEventQueue<ITestListener, TestEvent>)created;
            holding.Set();
            release.Wait();
        };
        Workers adder = Workers.Start(1, _ => bus.AddToQueue(new CollectingListener(), "late"), "AddToQueue");
        Assert.True(holding.Wait(Workers.HangBound), "AddToQueue reached the seam");

        Exception? thrown = null;
        var stopper = new Thread(() =>
        {
            // Pending before Stop, so it fires at Stop's first wait: the one for the bus lock.
            Thread.CurrentThread.Interrupt();
            thrown = Record.Exception(bus.Stop);
        }) { IsBackground = true };
        stopper.Start();
        Eventually.True(() => bus.IsStopping, "Stop began");
        release.Set();
        adder.Join("AddToQueue");
        Assert.True(stopper.Join(Workers.HangBound), "Stop returned");

        Assert.IsType<ThreadInterruptedException>(thrown);
        Assert.NotNull(late);

        // Closed by the interrupted Stop, the queue's thread ends on its own once it has drained.
        Assert.True(late.Join(Workers.HangBound), "the queue created under the held lock was closed");
        Assert.Equal(0, bus.GetStats().Queues["base"].Size);
    }
}
