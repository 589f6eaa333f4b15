using System;
using System.Linq;
using System.Threading;
using GeneratedBus.Runtime.Tests.Support;
using Microsoft.Extensions.Logging;

namespace GeneratedBus.Runtime.Tests.Bus;

public class QueueManagementTests
{
    [Fact]
    public void A_queue_created_on_a_running_bus_starts_at_once_on_a_thread_named_after_it()
    {
        using var bus = new TestBus(TestOptions.Create());
        bus.Start();
        var late = new CollectingListener();
        bus.AddToQueue(late, "appStatus");
        bus.Post(new Ping(1));

        late.WaitForCount(1);
        Assert.Contains("appStatus", late.Threads.Single());
    }

    [Fact]
    public void Each_queue_has_its_own_thread()
    {
        using var bus = new TestBus(TestOptions.Create());
        var a = new CollectingListener();
        var b = new CollectingListener();
        bus.AddToQueue(a, "alpha");
        bus.AddToQueue(b, "beta");
        bus.Start();
        bus.Post(new Ping(1));
        bus.WaitUntilEmpty(TimeSpan.FromSeconds(30));

        Assert.Equal("GeneratedBus-alpha", a.Threads.Single());
        Assert.Equal("GeneratedBus-beta", b.Threads.Single());
    }

    [Fact]
    public void ActiveQueues_lists_queues_with_listeners_in_ordinal_order()
    {
        using var bus = new TestBus(TestOptions.Create());
        bus.AddToQueue(new CollectingListener(), "b");
        bus.AddToQueue(new CollectingListener(), "B");
        bus.AddToSharedQueue(new CollectingListener());
        bus.AddToQueue(new CollectingListener(), "a");

        Assert.Equal(new[] { "B", "a", "b", "shared" }, bus.ActiveQueues);
    }

    [Fact]
    public void Listeners_and_FindListenersByType_cover_every_queue()
    {
        using var bus = new TestBus(TestOptions.Create());
        var a = new CollectingListener();
        var other = new OtherCollectingListener();
        var throwing = new ThrowingListener();
        bus.AddToQueue(a, "one");
        bus.AddToQueue(other, "two");
        bus.AddToQueue(throwing, "two");

        Assert.Equal(3, bus.Listeners.Count);
        Assert.Equal(new CollectingListener[] { a, other }, bus.FindListenersByType<CollectingListener>().OrderBy(l => l is OtherCollectingListener));
        Assert.Equal(new[] { other }, bus.FindListenersByType<OtherCollectingListener>());
        Assert.Empty(bus.FindListenersByType<BlockingListener>());
    }

    [Fact]
    public void A_listener_added_to_a_queue_during_a_delivery_gets_the_next_event_not_that_one()
    {
        using var bus = new TestBus(TestOptions.Create());
        var late = new CollectingListener();
        bus.AddToSharedQueue(new DelegateListener((e, k) =>
        {
            if (e.Value == 1)
            {
                bus.AddToSharedQueue(late);
            }
        }));
        bus.Start();
        bus.Post(new Ping(1));
        bus.Post(new Ping(2));
        bus.Stop();

        Assert.Equal(new TestEvent[] { new Ping(2) }, late.Events);
    }

    [Fact]
    public void AddToQueue_checks_its_arguments()
    {
        using var bus = new TestBus(TestOptions.Create());
        Assert.Throws<ArgumentNullException>(() => bus.AddToQueue(null!, "q"));
        Assert.Throws<ArgumentNullException>(() => bus.AddToQueue(new CollectingListener(), null!));
        Assert.Throws<ArgumentException>(() => bus.AddToQueue(new CollectingListener(), ""));
        Assert.Throws<ArgumentNullException>(() => bus.RemoveListener(null!));
    }

    [Fact]
    public void RemoveListener_removes_from_every_queue_and_stops_queues_left_empty()
    {
        using var bus = new TestBus(TestOptions.Create());
        var shared = new CollectingListener();
        var keep = new CollectingListener();
        bus.AddToQueue(shared, "one");
        bus.AddToQueue(shared, "two");
        bus.AddToQueue(keep, "two");
        bus.Start();
        bus.Post(new Ping(1));
        bus.WaitUntilEmpty(TimeSpan.FromSeconds(30));

        Thread oneThread = shared.ThreadsByName["GeneratedBus-one"];
        Thread twoThread = shared.ThreadsByName["GeneratedBus-two"];
        Assert.True(bus.RemoveListener(shared));
        Assert.False(bus.RemoveListener(shared));

        // Stopped, not only hidden: RemoveListener joined the emptied queue's thread; the other queue runs on.
        Assert.False(oneThread.IsAlive, "the emptied queue's thread still runs");
        Assert.True(twoThread.IsAlive);
        Assert.Equal(new[] { "two" }, bus.ActiveQueues);
        Assert.Equal(new ITestListener[] { keep }, bus.Listeners);
        bus.Post(new Ping(2));
        bus.WaitUntilEmpty(TimeSpan.FromSeconds(30));
        Assert.Equal(2, shared.Count);
        Assert.Equal(2, keep.Count);

        // The stopped queue's counters stay in the stats.
        QueueStats one = bus.GetStats().Queues["one"];
        Assert.Equal(new QueueStats("one", 10_000, 0, 1, 1, 0), one);
    }

    [Fact]
    public void A_queue_recreated_under_the_same_name_adds_its_totals_to_the_old_ones()
    {
        using var bus = new TestBus(TestOptions.Create());
        var first = new CollectingListener();
        bus.AddToQueue(first, "q");
        bus.Start();
        bus.Post(new Ping(1));
        bus.WaitUntilEmpty(TimeSpan.FromSeconds(30));
        bus.RemoveListener(first);

        var second = new CollectingListener();
        bus.AddToQueue(second, "q");
        bus.Post(new Ping(2));
        bus.Post(new Ping(3));
        bus.Stop();

        Assert.Equal(new QueueStats("q", 10_000, 0, 3, 3, 0), bus.GetStats().Queues["q"]);
        Assert.Equal(3, bus.GetStats().Listeners[typeof(CollectingListener)].Events);
    }

    [Fact]
    public void An_interrupted_listener_is_removed_from_every_queue_and_its_empty_queues_stop_even_its_own()
    {
        var logs = new CollectingLoggerFactory();
        using var bus = new TestBus(TestOptions.Create(logs: logs));
        var interrupted = new InterruptedListener();
        var keep = new CollectingListener();
        bus.AddToQueue(interrupted, "own");

        // "mixed" waits until "own" met the listener and removed it everywhere: the removal, and the stop of the
        // emptied "own", run on own's dispatch thread.
        var afterOwn = new DelegateListener((e, k) => Eventually.True(() => !bus.ActiveQueues.Contains("own"), "own removed it"));
        bus.AddToQueue(afterOwn, "mixed");
        bus.AddToQueue(interrupted, "mixed");
        bus.AddToQueue(keep, "mixed");

        // Posted before Start, so both reach "own": Start offers the buffer under the bus lock, which the removal
        // needs too. Posted after Start, the second could find "own" already retired.
        bus.Post(new Ping(1));
        bus.Post(new Ping(2));
        bus.Start();

        Eventually.True(() => bus.ActiveQueues.Count == 1, "the emptied queue retired");
        bus.WaitUntilEmpty(TimeSpan.FromSeconds(30));
        Assert.Equal(new[] { "mixed" }, bus.ActiveQueues);
        Assert.Equal(new ITestListener[] { afterOwn, keep }, bus.Listeners);
        Assert.Equal(2, keep.Count);

        // "own" removed it everywhere on its first event; mixed's first delivery had taken its snapshot before.
        Assert.InRange(interrupted.Calls, 1, 2);
        Assert.Contains(logs.At(LogLevel.Error), e => e.EventId.Id == 2 && e.Message.Contains(nameof(InterruptedListener)));

        // The own queue finished what it held (with no listener left) and exited: its stats balance.
        Eventually.True(() => bus.GetStats().Queues["own"] is { Size: 0, Posted: 2, Processed: 2 }, "own queue accounted");
        Eventually.True(() => !interrupted.ThreadsByName["GeneratedBus-own"].IsAlive, "the emptied queue's thread ended");
        Assert.True(keep.ThreadsByName["GeneratedBus-mixed"].IsAlive);
        bus.Post(new Ping(3));
        bus.Stop();
        Assert.Equal(3, keep.Count);
    }

    [Fact]
    public void A_listener_that_reinterrupts_its_thread_before_throwing_is_removed_though_the_bus_lock_is_busy()
    {
        // Java's idiom: restore the interrupt, then throw. The interrupt stays pending until the dispatch thread next
        // blocks, which is on the bus lock while it removes the listener, if another thread holds that lock.
        using var bus = new TestBus(TestOptions.Create());
        Thread? dispatch = null;
        var javaStyle = new DelegateListener((e, k) =>
        {
            Volatile.Write(ref dispatch, Thread.CurrentThread);
            Thread.CurrentThread.Interrupt();
            throw new ThreadInterruptedException("re-interrupted, Java style");
        });
        var keep = new CollectingListener();
        bus.AddToQueue(javaStyle, "main");
        bus.AddToQueue(keep, "main");
        bus.Start();

        using BusLockHolder holder = BusLockHolder.Hold(bus);
        bus.Post(new Ping(1));
        Eventually.True(
            () => Volatile.Read(ref dispatch) is { } t && (t.ThreadState & ThreadState.WaitSleepJoin) != 0,
            "the dispatch thread waits for the bus lock");
        Assert.True(holder.ReleaseAndJoin());

        Eventually.True(() => !bus.Listeners.Contains(javaStyle), "the listener was removed");
        bus.Post(new Ping(2));
        keep.WaitForCount(2);
        bus.Stop();
        Assert.Equal(2, bus.GetStats().Queues["main"].Processed);
    }

    [Fact]
    public void An_interrupt_on_the_dispatch_thread_does_not_kill_the_loop()
    {
        using var bus = new TestBus(TestOptions.Create());
        var a = new CollectingListener();
        bus.AddToSharedQueue(new DelegateListener((e, k) => Thread.CurrentThread.Interrupt()));
        bus.AddToSharedQueue(a);
        bus.Start();
        bus.Post(new Ping(1));
        a.WaitForCount(1);

        // Let the loop go idle and park on the pending interrupt, then post again.
        Thread.Sleep(100);
        bus.Post(new Ping(2));
        a.WaitForCount(2);
        bus.Stop();
        Assert.Equal(2, a.Count);
    }

    [Fact]
    public void An_idle_started_bus_parks_its_threads()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        using var bus = new TestBus(TestOptions.Create());
        int tid = 0;
        bus.AddToQueue(new DelegateListener((e, k) => tid = ThreadCpu.CurrentThreadId()), "idle");
        bus.Start();
        bus.Post(new Ping(1));
        bus.WaitUntilEmpty(TimeSpan.FromSeconds(30));
        Thread.Sleep(200);

        long before = ThreadCpu.Ticks(tid);
        Thread.Sleep(500);
        long used = ThreadCpu.Ticks(tid) - before;

        // Not a speed assertion: a spinning or polling consumer burns ~50 ticks (10 ms each) here; a parked one 0.
        Assert.InRange(used, 0, 5);
    }
}
