using System;
using System.Linq;
using System.Threading;
using GeneratedBus.Runtime.Tests.Support;

namespace GeneratedBus.Runtime.Tests.Bus;

/// <summary>
/// A dispatch thread that cannot be created (issue 16, defect 6). Thread exhaustion under an address-space limit is
/// not reachable reliably from a test host: once <c>Thread.Start</c> fails there, the process has no address space
/// left, and its next native allocation (loading ICU for a message, the JIT) ends it. So the bus's thread-start seam
/// (<see cref="LiveListenerBus{TListener, TEvent}.StartThread"/>) throws what <c>Thread.Start</c> throws then.
/// </summary>
public class DispatchThreadStartFailureTests
{
    [Fact]
    public void AddToQueue_whose_thread_cannot_start_throws_and_leaves_no_queue_behind()
    {
        using var bus = new TestBus(TestOptions.Create(capacity: 16));
        var kept = new CollectingListener();
        var refused = new CollectingListener();
        bus.AddToQueue(kept, "a");
        bus.Start();
        bus.StartThread = FailFor("GeneratedBus-b");

        Assert.Throws<OutOfMemoryException>(() => bus.AddToQueue(refused, "b"));

        // Nothing of the failed queue is left: not listed, not posted to, not in the stats.
        Assert.Equal(new[] { "a" }, bus.ActiveQueues);
        Assert.Equal(new ITestListener[] { kept }, bus.Listeners);
        for (int i = 0; i < 10; i++)
        {
            bus.Post(new Ping(i));
        }

        bus.WaitUntilEmpty(TimeSpan.FromSeconds(30));
        Assert.DoesNotContain("b", bus.GetStats().Queues.Keys);

        // Once threads can be made again, the same call succeeds.
        bus.StartThread = thread => thread.Start();
        bus.AddToQueue(refused, "b");
        bus.Post(new Ping(10));
        bus.Stop();

        Assert.Equal(new QueueStats("b", 16, 0, 1, 1, 0), bus.GetStats().Queues["b"]);
        Assert.Equal(new[] { 10 }, refused.Events.Select(e => e.Value));
        Assert.Equal(11, kept.Count);
    }

    [Fact]
    public void Stop_after_a_failed_thread_start_neither_throws_nor_skips_the_queues_after_it()
    {
        using var bus = new TestBus(TestOptions.Create(capacity: 8));
        var a = new CollectingListener();
        var c = new CollectingListener();
        bus.AddToQueue(a, "a");
        bus.Start();
        bus.StartThread = FailFor("GeneratedBus-b");
        Assert.Throws<OutOfMemoryException>(() => bus.AddToQueue(new CollectingListener(), "b"));
        bus.AddToQueue(c, "c");
        bus.Post(new Ping(1));
        a.WaitForCount(1);
        c.WaitForCount(1);

        Exception? thrown = Record.Exception(bus.Stop);

        Assert.Null(thrown);
        Assert.All(new[] { a, c }, l => Assert.False(l.ThreadsByName.Values.Single().IsAlive, "a queue's thread outlived Stop"));
        Assert.All(bus.GetStats().Queues.Values, q => Assert.Equal(q.Posted, q.Processed + q.Dropped));
    }

    /// <summary>Starts threads normally, but refuses the one named <paramref name="name"/> as an exhausted process would.</summary>
    internal static Action<Thread> FailFor(string name) => thread =>
    {
        if (thread.Name == name)
        {
            throw new OutOfMemoryException("Thread creation failed (test seam).");
        }

        thread.Start();
    };
}
