using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GeneratedBus.Runtime.Tests.Support;
using Microsoft.Extensions.Logging;

namespace GeneratedBus.Runtime.Tests.Listeners;

public class ListenerBusTests
{
    [Fact]
    public void PostToAll_delivers_to_every_listener_in_add_order_with_the_kind()
    {
        var bus = new SyncTestBus();
        var order = new System.Collections.Generic.List<string>();
        bus.AddListener(new DelegateListener((e, k) => order.Add($"a{k}")));
        bus.AddListener(new DelegateListener((e, k) => order.Add($"b{k}")));

        bus.PostToAll(new Ping(1));
        bus.PostToAll(new Pong(2));

        Assert.Equal(new[] { "a1", "b1", "a2", "b2" }, order);
        Assert.Equal(2, bus.Listeners.Count);
    }

    [Fact]
    public void AddListener_null_throws()
    {
        var bus = new SyncTestBus();
        Assert.Throws<ArgumentNullException>(() => bus.AddListener(null!));
        Assert.Throws<ArgumentNullException>(() => bus.PostToAll(null!));
    }

    [Fact]
    public void RemoveListener_removes_the_first_occurrence_and_says_whether_it_was_there()
    {
        var bus = new SyncTestBus();
        var a = new CollectingListener();
        bus.AddListener(a);
        bus.AddListener(a);

        Assert.True(bus.RemoveListener(a));
        Assert.Single(bus.Listeners);
        Assert.True(bus.RemoveListener(a));
        Assert.False(bus.RemoveListener(a));
        bus.PostToAll(new Ping(1));
        Assert.Equal(0, a.Count);
    }

    [Fact]
    public void A_listener_added_during_a_post_does_not_get_that_event_but_the_next()
    {
        var bus = new SyncTestBus();
        var late = new CollectingListener();
        bool added = false;
        bus.AddListener(new DelegateListener((e, k) =>
        {
            if (!added)
            {
                added = true;
                bus.AddListener(late);
            }
        }));

        bus.PostToAll(new Ping(1));
        Assert.Equal(0, late.Count);
        bus.PostToAll(new Ping(2));
        Assert.Equal(new TestEvent[] { new Ping(2) }, late.Events);
    }

    [Fact]
    public void A_listener_removed_during_a_post_still_gets_that_event_from_the_snapshot()
    {
        var bus = new SyncTestBus();
        var second = new CollectingListener();
        bus.AddListener(new DelegateListener((e, k) => bus.RemoveListener(second)));
        bus.AddListener(second);

        bus.PostToAll(new Ping(1));
        bus.PostToAll(new Ping(2));

        Assert.Equal(new TestEvent[] { new Ping(1) }, second.Events);
    }

    [Fact]
    public void A_throwing_listener_is_logged_with_its_type_counted_and_the_others_still_get_the_event()
    {
        var logs = new CollectingLoggerFactory();
        var bus = new SyncTestBus(new BusOptions { LoggerFactory = logs });
        var throwing = new ThrowingListener();
        var after = new CollectingListener();
        bus.AddListener(throwing);
        bus.AddListener(after);

        bus.PostToAll(new Ping(1));
        bus.PostToAll(new Ping(2));

        Assert.Equal(2, after.Count);
        Assert.Equal(2, bus.Listeners.Count);
        LogEntry error = Assert.Single(logs.At(LogLevel.Error).Take(1));
        Assert.Contains(nameof(ThrowingListener), error.Message);
        Assert.Contains(nameof(Ping), error.Message);
        Assert.IsType<InvalidOperationException>(error.Exception);
        Assert.Equal(2, bus.GetListenerStats()[typeof(ThrowingListener)].Failures);
        Assert.Equal(0, bus.GetListenerStats()[typeof(CollectingListener)].Failures);
    }

    [Fact]
    public void A_listener_that_throws_ThreadInterruptedException_is_removed_and_logged()
    {
        var logs = new CollectingLoggerFactory();
        var bus = new SyncTestBus(new BusOptions { LoggerFactory = logs });
        var interrupted = new InterruptedListener();
        var other = new CollectingListener();
        bus.AddListener(interrupted);
        bus.AddListener(other);

        bus.PostToAll(new Ping(1));
        bus.PostToAll(new Ping(2));

        Assert.Equal(1, interrupted.Calls);
        Assert.Equal(2, other.Count);
        Assert.Equal(new ITestListener[] { other }, bus.Listeners);
        Assert.Contains(logs.At(LogLevel.Error), e => e.Message.Contains(nameof(InterruptedListener)) && e.Exception is ThreadInterruptedException);
    }

    [Fact]
    public void Timers_count_events_failures_total_and_max_per_listener_type()
    {
        var time = new ManualTimeProvider();
        var bus = new SyncTestBus(new BusOptions { TimeProvider = time });
        int call = 0;
        bus.AddListener(new DelegateListener((e, k) => time.Advance(TimeSpan.FromMilliseconds(++call * 10))));
        bus.AddListener(new ThrowingListener());

        bus.PostToAll(new Ping(1));
        bus.PostToAll(new Ping(2));

        ListenerStats timed = bus.GetListenerStats()[typeof(DelegateListener)];
        Assert.Equal(new ListenerStats(typeof(DelegateListener), 2, 0, TimeSpan.FromMilliseconds(30), TimeSpan.FromMilliseconds(20)), timed);
        ListenerStats failing = bus.GetListenerStats()[typeof(ThrowingListener)];
        Assert.Equal(2, failing.Events);
        Assert.Equal(2, failing.Failures);
        Assert.Equal(TimeSpan.Zero, failing.TotalTime);
    }

    [Fact]
    public void Timers_off_reads_no_clock_and_counts_only_failures()
    {
        var time = new CountingTimeProvider();
        var bus = new SyncTestBus(new BusOptions { TimeProvider = time, ListenerTimers = false });
        bus.AddListener(new CollectingListener());
        bus.AddListener(new ThrowingListener());

        bus.PostToAll(new Ping(1));

        Assert.Equal(0, time.Reads);
        Assert.Equal(1, bus.GetListenerStats()[typeof(ThrowingListener)].Failures);
        Assert.Equal(0, bus.GetListenerStats()[typeof(CollectingListener)].Events);
    }

    [Fact]
    public void Timers_read_the_clock_n_plus_one_times_for_n_listeners()
    {
        var time = new CountingTimeProvider();
        var bus = new SyncTestBus(new BusOptions { TimeProvider = time });
        bus.AddListener(new CollectingListener());
        bus.AddListener(new CollectingListener());
        bus.AddListener(new OtherCollectingListener());

        bus.PostToAll(new Ping(1));

        Assert.Equal(4, time.Reads);
    }

    [Fact]
    public void Types_past_MaxTimedListenerTypes_share_one_timer_under_the_listener_interface()
    {
        var bus = new SyncTestBus(new BusOptions { MaxTimedListenerTypes = 2 });
        bus.AddListener(new CollectingListener());
        bus.AddListener(new OtherCollectingListener());
        bus.AddListener(new ThrowingListener());
        bus.AddListener(new CollectingListener());

        bus.PostToAll(new Ping(1));

        var stats = bus.GetListenerStats();
        Assert.Equal(new[] { typeof(CollectingListener), typeof(ITestListener), typeof(OtherCollectingListener) }, stats.Keys.OrderBy(t => t.Name));
        Assert.Equal(2, stats[typeof(CollectingListener)].Events);
        Assert.Equal((1, 1), (stats[typeof(ITestListener)].Events, stats[typeof(ITestListener)].Failures));
    }

    [Fact]
    public void A_slow_listener_call_is_logged_with_listener_and_event_type()
    {
        var logs = new CollectingLoggerFactory();
        var time = new ManualTimeProvider();
        var bus = new SyncTestBus(new BusOptions { TimeProvider = time, LoggerFactory = logs, SlowEventThreshold = TimeSpan.FromSeconds(1) });
        bus.AddListener(new DelegateListener((e, k) => time.Advance(e.Value == 1 ? TimeSpan.FromSeconds(2) : TimeSpan.FromMilliseconds(500))));

        bus.PostToAll(new Pong(1));
        bus.PostToAll(new Pong(2));

        LogEntry warning = Assert.Single(logs.At(LogLevel.Warning));
        Assert.Contains(nameof(DelegateListener), warning.Message);
        Assert.Contains(nameof(Pong), warning.Message);
        Assert.Equal(3, warning.EventId.Id);
    }
}
