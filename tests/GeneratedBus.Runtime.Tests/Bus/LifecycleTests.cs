using System;
using System.Linq;
using System.Threading;
using GeneratedBus.Runtime.Tests.Support;
using Microsoft.Extensions.Logging;

namespace GeneratedBus.Runtime.Tests.Bus;

public class LifecycleTests
{
    [Fact]
    public void Events_posted_before_Start_are_delivered_in_order_on_Start_with_their_kind()
    {
        using var bus = new TestBus(TestOptions.Create());
        var a = new CollectingListener();
        var b = new CollectingListener();
        bus.AddToSharedQueue(a);
        bus.AddToQueue(b, "other");
        bus.Post(new Ping(1));
        bus.Post(new Pong(2));
        bus.Post(new Ping(3));
        Assert.Equal(0, a.Count);

        bus.Start();
        bus.Post(new Ping(4));
        bus.WaitUntilEmpty(TimeSpan.FromSeconds(30));

        TestEvent[] expected = [new Ping(1), new Pong(2), new Ping(3), new Ping(4)];
        Assert.Equal(expected, a.Events);
        Assert.Equal(expected, b.Events);
        Assert.Equal(new[] { 1, 2, 1, 1 }, a.Kinds);
        Assert.Equal(4, bus.GetStats().EventsPosted);
    }

    [Fact]
    public void The_start_buffer_is_bounded_and_counts_what_it_drops_logging_once()
    {
        var logs = new CollectingLoggerFactory();
        var options = TestOptions.Create(logs: logs);
        options.StartBufferCapacity = 2;
        using var bus = new TestBus(options);
        var a = new CollectingListener();
        bus.AddToSharedQueue(a);
        for (int i = 0; i < 5; i++)
        {
            bus.Post(new Ping(i));
        }

        bus.Start();
        bus.WaitUntilEmpty(TimeSpan.FromSeconds(30));

        Assert.Equal(new TestEvent[] { new Ping(0), new Ping(1) }, a.Events);
        BusStats stats = bus.GetStats();
        Assert.Equal(3, stats.StartBufferDropped);
        Assert.Equal(2, stats.EventsPosted);
        bus.FlushLog();
        Assert.Single(logs.Entries, e => e.EventId.Id == 6 && e.Message.Contains("StartBufferCapacity"));
    }

    [Fact]
    public void The_start_buffer_defaults_to_the_largest_queue_capacity()
    {
        var options = TestOptions.Create(capacity: 2);
        options.QueueCapacities["big"] = 3;
        using var bus = new TestBus(options);
        bus.AddToSharedQueue(new CollectingListener());
        bus.AddToQueue(new CollectingListener(), "big");
        for (int i = 0; i < 5; i++)
        {
            bus.Post(new Ping(i));
        }

        Assert.Equal(2, bus.GetStats().StartBufferDropped);
    }

    [Fact]
    public void Start_flushes_the_buffer_with_normal_enqueue_so_a_full_queue_drops_and_counts()
    {
        var options = TestOptions.Create(capacity: 1);
        options.StartBufferCapacity = 10;
        using var bus = new TestBus(options);
        using var blocking = new BlockingListener();
        bus.AddToSharedQueue(blocking);
        for (int i = 0; i < 10; i++)
        {
            bus.Post(new Ping(i));
        }

        bus.Start();
        blocking.Release();
        bus.Stop();

        QueueStats shared = bus.GetStats().Queues[TestBus.SharedQueue];
        Assert.Equal(10, shared.Posted);
        Assert.True(shared.Dropped >= 8, $"dropped {shared.Dropped}");
        Assert.Equal(10, shared.Processed + shared.Dropped);
    }

    [Fact]
    public void Start_twice_throws()
    {
        using var bus = new TestBus(TestOptions.Create());
        bus.Start();
        Assert.Throws<InvalidOperationException>(bus.Start);
        bus.Stop();
        Assert.Throws<InvalidOperationException>(bus.Start);
    }

    [Fact]
    public void Stop_before_Start_throws_and_repeated_Stop_does_nothing()
    {
        using var bus = new TestBus(TestOptions.Create());
        Assert.Throws<InvalidOperationException>(bus.Stop);
        bus.Start();
        bus.Stop();
        bus.Stop();
    }

    [Fact]
    public void Stop_drains_everything_accepted_before_returning()
    {
        using var bus = new TestBus(TestOptions.Create());
        int seen = 0;
        bus.AddToSharedQueue(new DelegateListener((e, k) =>
        {
            Thread.Sleep(1);
            Interlocked.Increment(ref seen);
        }));
        bus.Start();
        for (int i = 0; i < 50; i++)
        {
            bus.Post(new Ping(i));
        }

        bus.Stop();

        Assert.Equal(50, Volatile.Read(ref seen));
        QueueStats shared = bus.GetStats().Queues[TestBus.SharedQueue];
        Assert.Equal(new QueueStats(TestBus.SharedQueue, 10_000, 0, 50, 50, 0), shared);
    }

    [Fact]
    public void Posts_after_Stop_are_ignored_and_not_counted()
    {
        using var bus = new TestBus(TestOptions.Create());
        var a = new CollectingListener();
        bus.AddToSharedQueue(a);
        bus.Start();
        bus.Post(new Ping(1));
        bus.Stop();
        bus.Post(new Ping(2));
        bus.Post(new Ping(3));

        Assert.Single(a.Events);
        BusStats stats = bus.GetStats();
        Assert.Equal(1, stats.EventsPosted);
        Assert.Equal(1, stats.Queues[TestBus.SharedQueue].Posted);
    }

    [Fact]
    public void A_post_after_Stop_is_ignored_without_waiting_for_the_bus_lock()
    {
        using var bus = new TestBus(TestOptions.Create());
        var a = new CollectingListener();
        bus.AddToSharedQueue(a);
        bus.Start();
        bus.Stop();

        using BusLockHolder holder = BusLockHolder.Hold(bus);

        // On another thread, so a post that waits for the lock fails the test instead of hanging it.
        var poster = new Thread(() => bus.Post(new Ping(1))) { IsBackground = true };
        poster.Start();
        bool returned = poster.Join(TimeSpan.FromSeconds(30));
        Assert.True(holder.ReleaseAndJoin());

        Assert.True(returned, "a post after Stop waited for the bus lock");
        Assert.Empty(a.Events);
        Assert.Equal(0, bus.GetStats().EventsPosted);
    }

    [Fact]
    public void Adding_a_listener_after_Stop_or_Dispose_throws_whatever_the_queue_instead_of_leaving_it_waiting_forever()
    {
        using var stopped = new TestBus(TestOptions.Create());
        stopped.AddToSharedQueue(new CollectingListener());
        stopped.Start();
        stopped.Stop();
        var disposed = new TestBus(TestOptions.Create());
        disposed.Dispose();

        var error = Assert.Throws<InvalidOperationException>(() => stopped.AddToQueue(new CollectingListener(), "late"));
        Assert.Contains("late", error.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => disposed.AddToSharedQueue(new CollectingListener()));
        Assert.Equal([TestBus.SharedQueue], stopped.ActiveQueues);

        // An existing queue refuses too (issue 14): the listener would wait forever for events that never come.
        error = Assert.Throws<InvalidOperationException>(() => stopped.AddToSharedQueue(new CollectingListener()));
        Assert.Contains(TestBus.SharedQueue, error.Message, StringComparison.Ordinal);
        Assert.Single(stopped.Listeners);
    }

    [Fact]
    public void Stop_from_a_listener_throws_inside_the_listener_and_does_not_deadlock()
    {
        using var bus = new TestBus(TestOptions.Create());
        Exception? thrown = null;
        using var done = new ManualResetEventSlim();
        bus.AddToSharedQueue(new DelegateListener((e, k) =>
        {
            try
            {
                bus.Stop();
            }
            catch (Exception ex)
            {
                thrown = ex;
            }

            done.Set();
        }));
        bus.Start();
        bus.Post(new Ping(1));

        Assert.True(done.Wait(TimeSpan.FromSeconds(30)));
        Assert.IsType<InvalidOperationException>(thrown);
        bus.Post(new Ping(2));
        bus.WaitUntilEmpty(TimeSpan.FromSeconds(30));
        Assert.Equal(2, bus.GetStats().Queues[TestBus.SharedQueue].Processed);
        bus.Stop();
    }

    [Fact]
    public void Concurrent_Stop_calls_all_return_after_the_drain()
    {
        using var bus = new TestBus(TestOptions.Create());
        using var blocking = new BlockingListener();
        bus.AddToSharedQueue(blocking);
        bus.Start();
        bus.Post(new Ping(1));
        blocking.WaitUntilEntered();
        var stoppers = Enumerable.Range(0, 3).Select(_ => new Thread(bus.Stop)).ToList();
        stoppers.ForEach(t => t.Start());
        Thread.Sleep(50);
        Assert.All(stoppers, t => Assert.True(t.IsAlive));

        blocking.Release();

        Assert.All(stoppers, t => Assert.True(t.Join(TimeSpan.FromSeconds(30))));
        Assert.Equal(1, bus.GetStats().Queues[TestBus.SharedQueue].Processed);
    }

    [Fact]
    public void A_Stop_interrupted_while_it_joins_does_not_hang_a_later_Dispose()
    {
        var bus = new TestBus(TestOptions.Create());
        using BlockingListener blocking = BlockingListener.StartBlocked(bus);
        Exception? thrown = null;
        var stopper = new Thread(() => thrown = Record.Exception(bus.Stop)) { IsBackground = true };
        stopper.Start();

        // The bus lock is free, so the only wait Stop can be in is the join of the blocked queue.
        Eventually.True(() => (stopper.ThreadState & ThreadState.WaitSleepJoin) != 0, "Stop waits for the queue");
        stopper.Interrupt();
        Assert.True(stopper.Join(TimeSpan.FromSeconds(30)));
        Assert.IsType<ThreadInterruptedException>(thrown);

        blocking.Release();
        var disposer = new Thread(bus.Dispose) { IsBackground = true };
        disposer.Start();
        Assert.True(disposer.Join(TimeSpan.FromSeconds(30)), "Dispose hung after an interrupted Stop");
        Eventually.True(() => bus.GetStats().Queues[TestBus.SharedQueue].Processed == 1, "the queue drained");
    }

    [Fact]
    public void Dispose_with_an_interrupt_pending_does_not_throw_closes_the_queues_and_hands_the_interrupt_back()
    {
        var bus = new TestBus(TestOptions.Create());
        using BlockingListener blocking = BlockingListener.StartBlocked(bus);
        Exception? thrown = null;
        Exception? afterwards = null;
        var disposer = new Thread(() =>
        {
            // Pending before Dispose, so it fires at Dispose's join of the blocked queue.
            Thread.CurrentThread.Interrupt();
            thrown = Record.Exception(bus.Dispose);
            afterwards = Record.Exception(() => Thread.Sleep(0));
        }) { IsBackground = true };
        disposer.Start();
        Assert.True(disposer.Join(TimeSpan.FromSeconds(30)), "Dispose hung with an interrupt pending");

        Assert.Null(thrown);
        Assert.IsType<ThreadInterruptedException>(afterwards);
        Assert.True(bus.IsStopping);

        // The queue was closed before the join gave up: once released, it drains, and Stop has nothing left to wait for.
        blocking.Release();
        Eventually.True(() => bus.GetStats().Queues[TestBus.SharedQueue].Processed == 1, "the queue drained");
        Workers.Run(bus.Stop, "Stop after the interrupted Dispose");
    }

    [Fact]
    public void ExitTimeout_returns_in_time_with_a_blocked_listener_and_accounting_completes_after_release()
    {
        var logs = new CollectingLoggerFactory();
        var options = TestOptions.Create(logs: logs);
        options.ExitTimeout = TimeSpan.FromMilliseconds(100);
        using var bus = new TestBus(options);
        using var blocking = new BlockingListener();
        bus.AddToSharedQueue(blocking);
        bus.Start();
        for (int i = 0; i < 5; i++)
        {
            bus.Post(new Ping(i));
        }

        blocking.WaitUntilEntered();
        bus.Stop();

        bus.FlushLog();
        LogEntry warning = Assert.Single(logs.Entries, e => e.EventId.Id == 7);
        Assert.Contains(TestBus.SharedQueue, warning.Message);
        Assert.Contains("5 events", warning.Message);
        QueueStats during = bus.GetStats().Queues[TestBus.SharedQueue];
        Assert.Equal(4, during.Size);
        Assert.Equal(5, during.Posted);

        blocking.Release();
        Eventually.True(() => bus.GetStats().Queues[TestBus.SharedQueue].Dropped == 4, "abandoned events counted as dropped");
        QueueStats after = bus.GetStats().Queues[TestBus.SharedQueue];
        Assert.Equal(new QueueStats(TestBus.SharedQueue, 10_000, 0, 5, 1, 4), after);
        Assert.Equal(1, blocking.Calls);
    }

    [Fact]
    public void Dispose_is_idempotent_stops_a_running_bus_and_never_throws_on_a_new_one()
    {
        var fresh = new TestBus(TestOptions.Create());
        fresh.Post(new Ping(1));
        fresh.Dispose();
        fresh.Dispose();
        Assert.Throws<InvalidOperationException>(fresh.Start);

        var bus = new TestBus(TestOptions.Create());
        var a = new CollectingListener();
        bus.AddToSharedQueue(a);
        bus.Start();
        bus.Post(new Ping(1));
        bus.Dispose();
        bus.Dispose();
        Assert.Single(a.Events);
        bus.Post(new Ping(2));
        Assert.Equal(1, bus.GetStats().EventsPosted);
    }

    [Fact]
    public void Stop_after_Dispose_of_a_bus_never_started_does_nothing()
    {
        var bus = new TestBus(TestOptions.Create());
        bus.Dispose();
        bus.Stop();
        Assert.Throws<InvalidOperationException>(bus.Start);
        Assert.Equal(0, bus.GetStats().EventsPosted);
    }

    [Fact]
    public void Dispose_from_a_listener_logs_and_stops_without_joining()
    {
        var logs = new CollectingLoggerFactory();
        var bus = new TestBus(TestOptions.Create(logs: logs));
        using var done = new ManualResetEventSlim();
        bus.AddToSharedQueue(new DelegateListener((e, k) =>
        {
            bus.Dispose();
            done.Set();
        }));
        bus.Start();
        bus.Post(new Ping(1));

        Assert.True(done.Wait(TimeSpan.FromSeconds(30)));
        bus.FlushLog();
        Assert.Contains(logs.At(LogLevel.Warning), e => e.EventId.Id == 10);
        bus.Post(new Ping(2));
        Assert.Equal(1, bus.GetStats().EventsPosted);
    }

    [Fact]
    public void WaitUntilEmpty_returns_when_drained_and_throws_TimeoutException_naming_the_busy_queue()
    {
        using var bus = new TestBus(TestOptions.Create());
        using var blocking = new BlockingListener();
        var fast = new CollectingListener();
        bus.AddToQueue(blocking, "slow");
        bus.AddToQueue(fast, "fast");
        bus.Start();
        bus.Post(new Ping(1));
        blocking.WaitUntilEntered();

        // The fast queue has delivered (its consumer may be woken late on a loaded machine), so only "slow" is busy.
        Eventually.True(() => fast.Count == 1 && bus.GetStats().Queues["fast"].Processed == 1, "the fast queue delivered");
        var ex = Assert.Throws<TimeoutException>(() => bus.WaitUntilEmpty(TimeSpan.FromMilliseconds(50)));
        Assert.Contains("slow", ex.Message);
        Assert.DoesNotContain("fast", ex.Message);

        blocking.Release();
        bus.WaitUntilEmpty(TimeSpan.FromSeconds(30));
        Assert.Equal(1, fast.Count);
        Assert.Throws<ArgumentOutOfRangeException>(() => bus.WaitUntilEmpty(TimeSpan.FromSeconds(-2)));
    }

    [Fact]
    public void WaitUntilEmpty_from_a_listener_throws_instead_of_waiting_for_itself()
    {
        using var bus = new TestBus(TestOptions.Create());
        Exception? thrown = null;
        using var done = new ManualResetEventSlim();
        bus.AddToSharedQueue(new DelegateListener((e, k) =>
        {
            thrown = Record.Exception(() => bus.WaitUntilEmpty(TimeSpan.FromSeconds(30)));
            done.Set();
        }));
        bus.Start();
        bus.Post(new Ping(1));

        Assert.True(done.Wait(TimeSpan.FromSeconds(30)));
        Assert.IsType<InvalidOperationException>(thrown);
    }

    [Fact]
    public void WaitUntilEmpty_can_be_cancelled()
    {
        using var bus = new TestBus(TestOptions.Create());
        using var blocking = new BlockingListener();
        bus.AddToSharedQueue(blocking);
        bus.Start();
        bus.Post(new Ping(1));
        blocking.WaitUntilEntered();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        Assert.ThrowsAny<OperationCanceledException>(() => bus.WaitUntilEmpty(Timeout.InfiniteTimeSpan, cancel.Token));
        blocking.Release();
    }

    [Fact]
    public void Post_null_throws()
    {
        using var bus = new TestBus(TestOptions.Create());
        Assert.Throws<ArgumentNullException>(() => bus.Post((TestEvent)null!));
        Assert.Throws<ArgumentNullException>(() => bus.Post((Ping)null!));
    }
}
