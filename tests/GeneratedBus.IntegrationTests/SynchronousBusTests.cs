using Acme.Scheduling;

namespace GeneratedBus.IntegrationTests;

/// <summary>The README's three-line synchronous bus over the generated dispatcher.</summary>
public sealed class SynchronousBusTests
{
    private sealed class SchedulerSyncBus : ListenerBus<ISchedulerListener, SchedulerEvent>
    {
        protected override int ClassifyEvent(SchedulerEvent e) => (int)SchedulerDispatcher.KindOf(e);

        protected override void DoPostEvent(ISchedulerListener l, SchedulerEvent e, int kind) =>
            SchedulerDispatcher.Dispatch(l, e, (SchedulerEventKind)kind);
    }

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
}
