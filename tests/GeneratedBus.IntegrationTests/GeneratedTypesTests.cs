using System;
using System.Linq;
using Acme.Scheduling;
using Acme.Storage;

namespace GeneratedBus.IntegrationTests;

/// <summary>The generated types, used the way a user's project uses them: the generator runs as an analyzer.</summary>
public sealed class GeneratedTypesTests
{
    [Fact]
    public void Dispatcher_calls_the_overridden_handlers_and_leaves_the_rest_as_no_ops()
    {
        var counter = new JobCounter();

        SchedulerDispatcher.Dispatch(counter, new JobStart(1, 10));
        SchedulerDispatcher.Dispatch(counter, new JobStart(2, 11));
        SchedulerDispatcher.Dispatch(counter, new JobEnd(1, 20, true));
        SchedulerDispatcher.Dispatch(counter, new HeartbeatEvent("exec-1"));

        Assert.Equal(2, counter.Started);
        Assert.Equal(1, counter.Ended);
    }

    [Fact]
    public void An_event_without_the_attribute_reaches_OnOtherEvent()
    {
        var recorder = new OtherRecorder();
        var sql = new SqlExecutionStart(7);

        SchedulerDispatcher.Dispatch(recorder, sql);
        SchedulerDispatcher.Dispatch(recorder, new JobStart(1, 1));

        Assert.Same(sql, Assert.Single(recorder.Others));
    }

    [Fact]
    public void The_firehose_sees_every_event_through_OnEvent()
    {
        var firehose = new Firehose();
        SchedulerEvent[] events = [new JobStart(1, 1), new JobEnd(1, 2, false), new HeartbeatEvent("e"), new SqlExecutionStart(3)];

        foreach (SchedulerEvent e in events)
        {
            SchedulerDispatcher.Dispatch(firehose, e);
        }

        Assert.Equal(events, firehose.Seen.ToArray());
    }

    [Fact]
    public void KindOf_names_each_declared_event_and_Other_for_the_rest()
    {
        Assert.Equal(SchedulerEventKind.JobStart, SchedulerDispatcher.KindOf(new JobStart(1, 1)));
        Assert.Equal(SchedulerEventKind.JobEnd, SchedulerDispatcher.KindOf(new JobEnd(1, 1, true)));
        Assert.Equal(SchedulerEventKind.Heartbeat, SchedulerDispatcher.KindOf(new HeartbeatEvent("e")));
        Assert.Equal(SchedulerEventKind.Other, SchedulerDispatcher.KindOf(new SqlExecutionStart(1)));
    }

    [Fact]
    public void The_generated_bus_delivers_to_listeners_on_its_queues()
    {
        var counter = new JobCounter();
        var firehose = new Firehose();
        using var bus = new SchedulerBus();
        bus.AddToQueue(counter, "jobs");
        bus.AddToSharedQueue(firehose);
        bus.Start();

        bus.Post(new JobStart(1, 1));                  // per-event overload: kind known at compile time
        bus.Post((SchedulerEvent)new JobEnd(1, 2, true)); // root overload: kind looked up
        bus.Post(new SqlExecutionStart(9));
        bus.WaitUntilEmpty(TimeSpan.FromSeconds(30));
        bus.Stop();

        Assert.Equal(1, counter.Started);
        Assert.Equal(1, counter.Ended);
        Assert.Equal(3, firehose.Seen.Count);
        BusStats stats = bus.GetStats();
        Assert.Equal(3, stats.EventsPosted);
        Assert.All(stats.Queues.Values, q => Assert.Equal(q.Posted, q.Processed + q.Dropped));
    }

    [Fact]
    public void Two_buses_work_side_by_side_and_struct_events_reach_their_handlers()
    {
        var ledger = new BlockLedger();
        var counter = new JobCounter();
        using var storage = new StorageBus();
        using var scheduler = new SchedulerBus();
        storage.AddToSharedQueue(ledger);
        scheduler.AddToSharedQueue(counter);
        storage.Start();
        scheduler.Start();

        storage.Post(new BlockWritten("b1", 100));
        storage.Post(new BlockWritten("b2", 50));
        storage.Post(new BlockEvicted("b1"));
        scheduler.Post(new JobStart(1, 1));
        storage.WaitUntilEmpty(TimeSpan.FromSeconds(30));
        scheduler.WaitUntilEmpty(TimeSpan.FromSeconds(30));
        storage.Stop();
        scheduler.Stop();

        Assert.Equal(150, ledger.Bytes);
        Assert.Equal(["b1"], ledger.Evicted);
        Assert.Equal(1, counter.Started);
        Assert.Equal(StorageEventKind.BlockWritten, StorageDispatcher.KindOf(new BlockWritten("b", 1)));
    }

    [Fact]
    public void The_generated_listener_interface_has_one_handler_per_event_plus_OnOtherEvent()
    {
        string[] handlers = typeof(ISchedulerListener).GetMethods().Select(m => m.Name).Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(["OnHeartbeat", "OnJobEnd", "OnJobStart", "OnOtherEvent"], handlers);
        Assert.True(typeof(SchedulerBus).IsSealed);
        Assert.Equal(typeof(LiveListenerBus<ISchedulerListener, SchedulerEvent>), typeof(SchedulerBus).BaseType);
    }
}
