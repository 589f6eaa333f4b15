using System;
using System.Collections.Generic;
using System.Linq;
using Acme.Scheduling;
using Acme.Storage;

namespace GeneratedBus.IntegrationTests;

/// <summary>The generated synchronous bus, <c>SchedulerListenerBus</c>, and the dispatcher's list delivery.</summary>
public sealed class SynchronousBusTests
{
    [Fact]
    public void The_generated_synchronous_bus_is_a_sealed_ListenerBus_of_the_listener_interface_and_the_root()
    {
        Assert.True(typeof(SchedulerListenerBus).IsSealed);
        Assert.True(typeof(SchedulerListenerBus).IsPublic);
        Assert.Equal(typeof(ListenerBus<ISchedulerListener, SchedulerEvent>), typeof(SchedulerListenerBus).BaseType);
        Assert.Equal(typeof(ListenerBus<IStorageListener, IBlockEvent>), typeof(StorageListenerBus).BaseType);
    }

    [Fact]
    public void The_synchronous_bus_of_an_interface_root_delivers_boxed_record_structs()
    {
        var bus = new StorageListenerBus();
        var ledger = new BlockLedger();
        bus.AddListener(ledger);

        bus.PostToAll(new BlockWritten("b1", 100));
        bus.PostToAll(new BlockEvicted("b1"));

        Assert.Equal(100, ledger.Bytes);
        Assert.Equal(["b1"], ledger.Evicted);
    }

    [Fact]
    public void PostToAll_dispatches_on_the_callers_thread_through_the_generated_switch()
    {
        var bus = new SchedulerListenerBus();
        var counter = new JobCounter();
        var others = new OtherRecorder();
        var thread = new ThreadRecorder();
        bus.AddListener(counter);
        bus.AddListener(others);
        bus.AddListener(thread);

        bus.PostToAll(new JobStart(1, 1));
        bus.PostToAll(new JobEnd(1, 2, true));
        bus.PostToAll(new HeartbeatEvent("exec-1"));
        bus.PostToAll(new SqlExecutionStart(3));

        Assert.Equal(1, counter.Started);
        Assert.Equal(1, counter.Ended);
        Assert.IsType<SqlExecutionStart>(Assert.Single(others.Others));
        Assert.Equal([Environment.CurrentManagedThreadId], thread.Threads.Distinct());
        Assert.Equal(4, thread.Threads.Count);
        Assert.Equal([counter, others, thread], bus.Listeners);
    }

    [Fact]
    public void A_listener_that_throws_is_counted_and_the_others_still_get_the_event()
    {
        var bus = new SchedulerListenerBus(new BusOptions { ListenerTimers = true });
        var failing = new FailingOnJobStart();
        var counter = new JobCounter();
        bus.AddListener(failing);
        bus.AddListener(counter);

        bus.PostToAll(new JobStart(1, 1));
        bus.PostToAll(new JobEnd(1, 2, true));

        Assert.Equal(1, counter.Started);
        Assert.Equal(1, counter.Ended);
        IReadOnlyDictionary<Type, ListenerStats> stats = bus.GetListenerStats();
        Assert.Equal(2, stats[typeof(FailingOnJobStart)].Events);
        Assert.Equal(1, stats[typeof(FailingOnJobStart)].Failures);
        Assert.Equal(2, stats[typeof(JobCounter)].Events);
        Assert.Equal(0, stats[typeof(JobCounter)].Failures);
    }

    [Fact]
    public void Untimed_posts_go_through_the_dispatchers_run_and_resume_after_each_listener_that_throws()
    {
        // Timers off: every post is one DispatchSpan call for the whole list, restarted after each failure.
        var bus = new SchedulerListenerBus(new BusOptions { ListenerTimers = false });
        var order = new List<int>();
        var first = new OrderListener(1, order);
        var failing = new FailingOnJobStart();
        var third = new OrderListener(3, order);
        var alsoFailing = new FailingOnJobStart();
        var fifth = new OrderListener(5, order);
        bus.AddListener(first);
        bus.AddListener(failing);
        bus.AddListener(third);
        bus.AddListener(alsoFailing);
        bus.AddListener(fifth);

        bus.PostToAll(new JobStart(1, 1));
        bus.PostToAll(new JobStart(2, 2));

        Assert.Equal([1, 3, 5, 1, 3, 5], order);
        IReadOnlyDictionary<Type, ListenerStats> stats = bus.GetListenerStats();
        // Without timers only failures are counted: each failing listener's, on each post.
        Assert.Equal(4, stats[typeof(FailingOnJobStart)].Failures);
        Assert.Equal(0, stats[typeof(OrderListener)].Failures);
    }

    [Fact]
    public void The_dispatchers_run_starts_at_next_and_leaves_it_at_the_listener_that_threw()
    {
        var order = new List<int>();
        ISchedulerListener[] listeners = [new OrderListener(1, order), new FailingOnJobStart(), new OrderListener(3, order)];
        int next = 0;

        Assert.Throws<InvalidOperationException>(() => DispatchSpan(listeners, new JobStart(1, 1), ref next));
        Assert.Equal(1, next);
        next++;
        DispatchSpan(listeners, new JobStart(1, 1), ref next);

        Assert.Equal(2, next);
        Assert.Equal([1, 3], order);
    }

    [Fact]
    public void DispatchToAll_calls_each_listeners_fitting_handler_in_order()
    {
        var order = new System.Collections.Generic.List<int>();
        var first = new OrderListener(1, order);
        var second = new OrderListener(2, order);
        var others = new OtherRecorder();
        ISchedulerListener[] listeners = [first, second, others];

        SchedulerDispatcher.DispatchToAll(listeners, new JobStart(1, 1));
        SchedulerDispatcher.DispatchToAll(listeners, new SqlExecutionStart(3));
        SchedulerDispatcher.DispatchToAll([], new JobStart(2, 2));

        Assert.Equal([1, 2], order);
        Assert.IsType<SqlExecutionStart>(Assert.Single(others.Others));
    }

    [Fact]
    public void Dispatch_to_ten_listeners_allocates_nothing_directly_or_through_the_sync_bus()
    {
        var listeners = new ISchedulerListener[10];
        var bus = new SchedulerListenerBus();
        for (int i = 0; i < listeners.Length; i++)
        {
            listeners[i] = new JobCounter();
            bus.AddListener(listeners[i]);
        }

        SchedulerEvent e = new JobEnd(1, 2, true);

        // Tiered JIT may allocate on this thread while it settles; a dispatch that allocates would make every round do so.
        long allocated = long.MaxValue;
        for (int round = 0; round < 10 && allocated != 0; round++)
        {
            long before = System.GC.GetAllocatedBytesForCurrentThread();
            for (int n = 0; n < 10_000; n++)
            {
                foreach (ISchedulerListener listener in listeners)
                {
                    SchedulerDispatcher.Dispatch(listener, e);
                }

                SchedulerDispatcher.DispatchToAll(listeners, e);
                bus.PostToAll(e);
            }

            allocated = System.GC.GetAllocatedBytesForCurrentThread() - before;
        }

        Assert.Equal(0, allocated);
        // Every listener had every event three times per round: per listener, all at once, and through the bus.
        int expected = ((JobCounter)listeners[0]).Ended;
        Assert.True(expected >= 30_000, $"{expected} events");
        Assert.All(listeners, l => Assert.Equal(expected, ((JobCounter)l).Ended));
    }

    // As the runtime calls it: on default(TDispatcher), with the kind Classify gives.
    private static void DispatchSpan(ISchedulerListener[] listeners, SchedulerEvent e, ref int next)
    {
        int kind = ((IEventDispatcher<ISchedulerListener, SchedulerEvent>)default(SchedulerDispatcher)).Classify(e);
        Span<SchedulerDispatcher>(listeners, e, kind, ref next);
    }

    private static void Span<TDispatcher>(ISchedulerListener[] listeners, SchedulerEvent e, int kind, ref int next)
        where TDispatcher : struct, IEventSpanDispatcher<ISchedulerListener, SchedulerEvent> =>
        default(TDispatcher).DispatchSpan(listeners, e, kind, ref next);

    /// <summary>Notes the thread of every event it gets.</summary>
    private sealed class ThreadRecorder : SchedulerFirehoseListener
    {
        public List<int> Threads { get; } = new();

        public override void OnEvent(SchedulerEvent e) => Threads.Add(Environment.CurrentManagedThreadId);
    }

    /// <summary>Throws on every JobStart.</summary>
    private sealed class FailingOnJobStart : SchedulerListener
    {
        public override void OnJobStart(JobStart e) => throw new InvalidOperationException("listener failure");
    }

    /// <summary>Notes its id when it gets a JobStart, to show the order of delivery.</summary>
    private sealed class OrderListener(int id, System.Collections.Generic.List<int> order) : SchedulerListener
    {
        public override void OnJobStart(JobStart e) => order.Add(id);
    }
}
