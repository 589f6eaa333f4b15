using System;
using System.Linq;
using System.Threading;
using GeneratedBus.Runtime.Tests.Support;

namespace GeneratedBus.Runtime.Tests.Bus;

public class AccountingTests
{
    [Fact]
    public void Size_excludes_the_event_in_flight_and_Processed_waits_for_every_listener()
    {
        using var bus = new TestBus(TestOptions.Create());
        var first = new CollectingListener();
        using var blocking = new BlockingListener();
        bus.AddToSharedQueue(first);
        bus.AddToSharedQueue(blocking);
        bus.Start();
        bus.Post(new Ping(1));
        bus.Post(new Ping(2));
        blocking.WaitUntilEntered();

        QueueStats stats = bus.GetStats().Queues[TestBus.SharedQueue];
        Assert.Equal(1, first.Count);
        Assert.Equal(1, stats.Size);
        Assert.Equal(0, stats.Processed);
        Assert.Equal(2, stats.Posted);

        blocking.Release();
        bus.WaitUntilEmpty(TimeSpan.FromSeconds(30));
        Assert.Equal(new QueueStats(TestBus.SharedQueue, 10_000, 0, 2, 2, 0), bus.GetStats().Queues[TestBus.SharedQueue]);
    }

    [Fact]
    public void Events_from_one_producer_arrive_in_order()
    {
        using var bus = new TestBus(TestOptions.Create());
        var a = new CollectingListener();
        bus.AddToSharedQueue(a);
        bus.Start();
        for (int i = 0; i < 5000; i++)
        {
            bus.Post(new Ping(i));
        }

        bus.Stop();

        Assert.Equal(Enumerable.Range(0, 5000), a.Events.Select(e => e.Value));
    }

    [Fact]
    public void Listener_stats_are_summed_by_type_across_queues()
    {
        var time = new ManualTimeProvider();
        using var bus = new TestBus(TestOptions.Create(time: time));
        bus.AddToQueue(new DelegateListener((e, k) => time.Advance(TimeSpan.FromMilliseconds(10))), "a");
        bus.AddToQueue(new DelegateListener((e, k) => time.Advance(TimeSpan.FromMilliseconds(30))), "b");
        bus.AddToQueue(new ThrowingListener(), "b");
        bus.Start();
        bus.Post(new Ping(1));
        bus.Stop();

        BusStats stats = bus.GetStats();
        ListenerStats timed = stats.Listeners[typeof(DelegateListener)];
        Assert.Equal(2, timed.Events);

        // Both queue threads move the one manual clock, so a call may see the other's advance: at least, not exactly.
        Assert.True(timed.TotalTime >= TimeSpan.FromMilliseconds(40), $"total {timed.TotalTime}");
        Assert.True(timed.MaxTime >= TimeSpan.FromMilliseconds(30), $"max {timed.MaxTime}");
        Assert.Equal(1, stats.Listeners[typeof(ThrowingListener)].Failures);
    }

    [Fact]
    public void Queue_timers_count_events_failures_total_and_max_exactly()
    {
        var time = new ManualTimeProvider();
        using var bus = new TestBus(TestOptions.Create(time: time));
        bus.AddToSharedQueue(new DelegateListener((e, k) => time.Advance(TimeSpan.FromMilliseconds(e.Value == 1 ? 10 : 30))));
        bus.AddToSharedQueue(new ThrowingListener());
        bus.Start();
        bus.Post(new Ping(1));
        bus.Post(new Ping(2));
        bus.Stop();

        BusStats stats = bus.GetStats();
        Assert.Equal(new ListenerStats(typeof(DelegateListener), 2, 0, TimeSpan.FromMilliseconds(40), TimeSpan.FromMilliseconds(30)), stats.Listeners[typeof(DelegateListener)]);
        Assert.Equal(new ListenerStats(typeof(ThrowingListener), 2, 2, TimeSpan.Zero, TimeSpan.Zero), stats.Listeners[typeof(ThrowingListener)]);
    }

    [Fact]
    public void Queue_timers_past_the_cap_share_one_timer_that_still_counts_every_call_and_failure()
    {
        var options = TestOptions.Create();
        options.MaxTimedListenerTypes = 1;
        using var bus = new TestBus(options);
        bus.AddToSharedQueue(new CollectingListener());
        bus.AddToSharedQueue(new OtherCollectingListener());
        bus.AddToSharedQueue(new ThrowingListener());
        bus.Start();
        bus.Post(new Ping(1));
        bus.Post(new Ping(2));
        bus.Stop();

        var listeners = bus.GetStats().Listeners;
        Assert.Equal(new[] { typeof(CollectingListener), typeof(ITestListener) }, listeners.Keys.OrderBy(t => t.Name));
        Assert.Equal(2, listeners[typeof(CollectingListener)].Events);
        Assert.Equal((4, 2), (listeners[typeof(ITestListener)].Events, listeners[typeof(ITestListener)].Failures));
    }

    [Fact]
    public void A_slow_listener_on_a_queue_is_logged_with_listener_and_event_type()
    {
        var logs = new CollectingLoggerFactory();
        var time = new ManualTimeProvider();
        var options = TestOptions.Create(logs: logs, time: time);
        options.SlowEventThreshold = TimeSpan.FromMilliseconds(100);
        using var bus = new TestBus(options);
        bus.AddToSharedQueue(new DelegateListener((e, k) => time.Advance(TimeSpan.FromMilliseconds(150))));
        bus.Start();
        bus.Post(new Pong(1));
        bus.Stop();

        LogEntry warning = Assert.Single(logs.Entries, e => e.EventId.Id == 3);
        Assert.Contains(nameof(DelegateListener), warning.Message);
        Assert.Contains(nameof(Pong), warning.Message);
        Assert.Contains(TestBus.SharedQueue, warning.Message);
    }
}
