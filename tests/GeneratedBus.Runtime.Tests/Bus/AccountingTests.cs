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

    [Fact]
    public void A_queue_times_one_fast_event_in_up_to_sixteen_and_counts_every_call()
    {
        var time = new CountingTimeProvider();
        using var bus = new TestBus(TestOptions.Create(time: time));
        using var gate = new ManualResetEventSlim();
        bus.AddToSharedQueue(new DelegateListener((e, k) => gate.Wait(TimeSpan.FromSeconds(30))));
        bus.Start();
        bus.Post(new Ping(0));
        Eventually.True(() => time.Reads == 1, "the first batch started");
        for (int i = 1; i <= 100; i++)
        {
            bus.Post(new Ping(i));
        }

        gate.Set();
        bus.WaitUntilEmpty(TimeSpan.FromSeconds(30));

        // This clock moves one tick (100 ns) per reading, so every delivery looks fast. Batch [0]: a start and an
        // end reading; the interval becomes 2. Batch [1..100]: a start reading; events 2, 6, 14 and 30 (the interval
        // doubling to 16), then 46, 62, 78 and 94 are timed, with two readings each (one ends the untimed run before
        // it); one reading ends the batch's last untimed run. Every call is still counted.
        Assert.Equal(2 + 1 + (8 * 2) + 1, time.Reads);
        Assert.Equal(101, bus.GetStats().Listeners[typeof(DelegateListener)].Events);
    }

    [Fact]
    public void A_slow_call_among_untimed_events_is_logged_with_the_listener_type_and_the_queue()
    {
        var logs = new CollectingLoggerFactory();
        var time = new ManualTimeProvider();
        var options = TestOptions.Create(logs: logs, time: time);
        options.SlowEventThreshold = TimeSpan.FromSeconds(1);
        using var bus = new TestBus(options);
        using var entered = new ManualResetEventSlim();
        using var gate = new ManualResetEventSlim();
        bus.AddToSharedQueue(new DelegateListener((e, k) =>
        {
            if (e.Value == 0)
            {
                entered.Set();
                gate.Wait(TimeSpan.FromSeconds(30));
            }
            else if (e.Value == 4)
            {
                time.Advance(TimeSpan.FromSeconds(2));
            }
        }));
        bus.Start();
        bus.Post(new Ping(0));
        Assert.True(entered.Wait(TimeSpan.FromSeconds(30)));
        for (int i = 1; i < 10; i++)
        {
            bus.Post(new Ping(i));
        }

        gate.Set();
        bus.Stop();

        // Event 0 took no time on this clock, so the interval became 2, then 4 after event 2: events 3 to 5 were
        // untimed, and the reading before event 6 found their run slow.
        LogEntry warning = Assert.Single(logs.Entries, e => e.EventId.Id == 11);
        Assert.Contains(nameof(DelegateListener), warning.Message);
        Assert.Contains(TestBus.SharedQueue, warning.Message);
        Assert.Contains("over 3 untimed events", warning.Message);
        Assert.DoesNotContain(logs.Entries, e => e.EventId.Id == 3);
        Assert.Equal(10, bus.GetStats().Listeners[typeof(DelegateListener)].Events);
    }
}
