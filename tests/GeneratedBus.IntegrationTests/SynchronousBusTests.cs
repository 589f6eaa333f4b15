using Acme.Scheduling;

namespace GeneratedBus.IntegrationTests;

/// <summary>The README's three-line synchronous bus over the generated dispatcher.</summary>
public sealed class SynchronousBusTests
{
    private sealed class SchedulerSyncBus()
        : ListenerBus<ISchedulerListener, SchedulerEvent>(null, DispatcherBinding<ISchedulerListener, SchedulerEvent>.Of<SchedulerDispatcher>());

    [Fact]
    public void PostToAll_dispatches_on_the_callers_thread_through_the_generated_switch()
    {
        var bus = new SchedulerSyncBus();
        var counter = new JobCounter();
        var others = new OtherRecorder();
        bus.AddListener(counter);
        bus.AddListener(others);

        bus.PostToAll(new JobStart(1, 1));
        bus.PostToAll(new JobEnd(1, 2, true));
        bus.PostToAll(new SqlExecutionStart(3));

        Assert.Equal(1, counter.Started);
        Assert.Equal(1, counter.Ended);
        Assert.IsType<SqlExecutionStart>(Assert.Single(others.Others));
        Assert.Equal(3, bus.GetListenerStats()[typeof(JobCounter)].Events);
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
        var bus = new SchedulerSyncBus();
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
                SchedulerEventKind kind = SchedulerDispatcher.KindOf(e);
                foreach (ISchedulerListener listener in listeners)
                {
                    SchedulerDispatcher.Dispatch(listener, e, kind);
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

    /// <summary>Notes its id when it gets a JobStart, to show the order of delivery.</summary>
    private sealed class OrderListener(int id, System.Collections.Generic.List<int> order) : SchedulerListener
    {
        public override void OnJobStart(JobStart e) => order.Add(id);
    }
}
