using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GeneratedBus.Runtime.Tests.Support;

namespace GeneratedBus.Runtime.Tests.BackPressure;

/// <summary>
/// <see cref="LiveListenerBus{TListener, TEvent}.PostAsync"/>: synchronous and allocation-free while every queue has
/// room, an awaited wait on a full Wait queue, and a cancellation that drops, counts and throws.
/// </summary>
public class PostAsyncTests
{
    [Fact]
    public void PostAsync_completes_synchronously_and_allocates_nothing_while_every_queue_has_room()
    {
        var options = TestOptions.Create(capacity: 100_000);
        options.QueueFullMode = QueueFullMode.Wait;
        using var bus = new TestBus(options);
        var listener = new CollectingListener();
        bus.AddToQueue(listener, "a");
        bus.AddToQueue(new CollectingListener(), "b");
        bus.Start();
        var e = new Ping(1);

        // Warm up (thread number, JIT), then measure.
        for (int i = 0; i < 100; i++)
        {
            Assert.True(bus.PostAsync(e).IsCompletedSuccessfully);
        }

        // A round may pay for one-time work (tier-up, a lock's first contention when waking the consumer); a cost
        // per post would show in every round of 10 000.
        int notSynchronous = 0, rounds = 0;
        long allocated = long.MaxValue;
        for (; rounds < 5 && allocated != 0; rounds++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 10_000; i++)
            {
                notSynchronous += bus.PostAsync(e).IsCompletedSuccessfully ? 0 : 1;
            }

            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        }

        Assert.Equal(0, notSynchronous);
        Assert.Equal(0, allocated);
        bus.WaitUntilEmpty(TimeSpan.FromSeconds(30));
        Assert.Equal(100 + (rounds * 10_000), listener.Count);
    }

    [Fact]
    public async Task PostAsync_on_a_full_Wait_queue_returns_a_pending_task_that_completes_once_there_is_room()
    {
        var options = TestOptions.Create(capacity: 1);
        options.QueueFullMode = QueueFullMode.Wait;
        using var bus = new TestBus(options);
        var collected = new CollectingListener();
        bus.AddToQueue(collected, "wait");
        using BlockingListener blocking = BlockingListener.StartBlocked(bus, "wait");
        await bus.PostAsync(new Ping(1));

        ValueTask pending = bus.PostAsync(new Ping(2));
        Thread.Sleep(50);
        Assert.False(pending.IsCompleted, "PostAsync completed while the Wait queue was full");
        Assert.Equal((2L, 0L), (bus.GetStats().Queues["wait"].Posted, bus.GetStats().Queues["wait"].Dropped));

        blocking.Release();
        await pending.AsTask().WaitAsync(TimeSpan.FromSeconds(30));
        bus.WaitUntilEmpty(TimeSpan.FromSeconds(30));
        Assert.Equal([0, 1, 2], collected.Events.Select(e => e.Value));
        QueueStats q = bus.GetStats().Queues["wait"];
        Assert.Equal((3L, 3L, 0L), (q.Posted, q.Processed, q.Dropped));
    }

    [Fact]
    public async Task Cancelling_a_waiting_PostAsync_throws_and_drops_and_counts_the_event_on_every_queue_still_waiting()
    {
        var options = TestOptions.Create(capacity: 1);
        options.QueueFullMode = QueueFullMode.Wait;
        options.QueueCapacities["free"] = 100;
        using var bus = new TestBus(options);
        using var blockingA = new BlockingListener();
        using var blockingB = new BlockingListener();
        var free = new CollectingListener();
        bus.AddToQueue(blockingA, "a");
        bus.AddToQueue(blockingB, "b");
        bus.AddToQueue(free, "free");
        bus.Start();
        bus.Post(new Ping(0));
        blockingA.WaitUntilEntered();
        blockingB.WaitUntilEntered();
        bus.Post(new Ping(1));

        // a and b are full: the post waits on a, then would wait on b; "free" has it at once.
        using var cancel = new CancellationTokenSource();
        ValueTask pending = bus.PostAsync(new Ping(2), cancel.Token);
        free.WaitForCount(3);
        Assert.False(pending.IsCompleted);
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending.AsTask().WaitAsync(TimeSpan.FromSeconds(30)));

        blockingA.Release();
        blockingB.Release();
        bus.WaitUntilEmpty(TimeSpan.FromSeconds(30));
        BusStats stats = bus.GetStats();
        foreach (string queue in new[] { "a", "b" })
        {
            QueueStats q = stats.Queues[queue];
            Assert.Equal((3L, 2L, 1L), (q.Posted, q.Processed, q.Dropped));
        }

        Assert.Equal((3L, 3L, 0L), (stats.Queues["free"].Posted, stats.Queues["free"].Processed, stats.Queues["free"].Dropped));
    }

    [Fact]
    public async Task PostAsync_with_a_token_cancelled_before_the_call_posts_nothing()
    {
        using var bus = new TestBus(TestOptions.Create());
        var collected = new CollectingListener();
        bus.AddToSharedQueue(collected);
        bus.Start();

        ValueTask post = bus.PostAsync(new Ping(1), new CancellationToken(canceled: true));
        Assert.True(post.IsCanceled);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => post.AsTask());
        Assert.Equal(0, bus.GetStats().EventsPosted);
    }

    [Fact]
    public async Task Stop_completes_a_waiting_PostAsync_without_an_exception_and_counts_its_drop()
    {
        var options = TestOptions.Create(capacity: 1);
        options.QueueFullMode = QueueFullMode.Wait;
        using var bus = new TestBus(options);
        using BlockingListener blocking = BlockingListener.StartBlocked(bus, "wait");
        bus.Post(new Ping(1));
        ValueTask pending = bus.PostAsync(new Ping(2));
        Eventually.True(() => bus.GetStats().Queues.Count == 1 && !pending.IsCompleted, "PostAsync waits");

        Task stop = Task.Run(bus.Stop);
        await pending.AsTask().WaitAsync(TimeSpan.FromSeconds(30));
        blocking.Release();
        await stop.WaitAsync(TimeSpan.FromSeconds(30));
        QueueStats q = bus.GetStats().Queues["wait"];
        Assert.Equal((3L, 2L, 1L), (q.Posted, q.Processed, q.Dropped));
    }

    [Fact]
    public void PostAsync_rejects_a_null_event()
    {
        using var bus = new TestBus(TestOptions.Create());
        Assert.Throws<ArgumentNullException>("e", () => { _ = bus.PostAsync(null!); });
    }
}
