using System;
using System.Linq;
using GeneratedBus.Runtime.Tests.Support;
using Microsoft.Extensions.Logging;

namespace GeneratedBus.Runtime.Tests.Bus;

public class ListenerFailureTests
{
    [Fact]
    public void A_throwing_listener_is_logged_in_full_once_then_summarised_counted_and_the_bus_keeps_running()
    {
        var logs = new CollectingLoggerFactory();
        using var bus = new TestBus(TestOptions.Create(logs: logs, name: "orders"));
        var throwing = new ThrowingListener();
        var after = new CollectingListener();
        bus.AddToSharedQueue(throwing);
        bus.AddToSharedQueue(after);
        bus.Start();
        bus.Post(new Ping(1));
        bus.Post(new Pong(2));
        bus.WaitUntilEmpty(TimeSpan.FromSeconds(30));

        Assert.Equal(2, after.Count);
        Assert.Equal(2, throwing.Calls);
        Assert.Equal(2, bus.Listeners.Count);

        // The first failure of its kind in full, with its exception; the second waits for the summary, at Stop here.
        LogEntry first = Assert.Single(logs.At(LogLevel.Error));
        Assert.Equal(1, first.EventId.Id);
        Assert.Contains(nameof(ThrowingListener), first.Message);
        Assert.IsType<InvalidOperationException>(first.Exception);
        Assert.Equal("GeneratedBus.LiveListenerBus.orders", first.Category);
        BusStats stats = bus.GetStats();
        Assert.Equal(2, stats.Listeners[typeof(ThrowingListener)].Failures);
        Assert.Equal(2, stats.Queues[TestBus.SharedQueue].Processed);

        bus.Stop();
        LogEntry summary = Assert.Single(logs.Entries, e => e.EventId.Id == 19);
        Assert.Equal(LogLevel.Warning, summary.Level);
        Assert.Contains($"{typeof(ThrowingListener).FullName} threw {typeof(InvalidOperationException).FullName} 1 more times on queue shared of bus orders", summary.Message);
        Assert.Null(summary.Exception);
    }

    [Fact]
    public void Failures_are_summarised_per_kind_on_the_drop_report_schedule_and_each_new_kind_is_logged_in_full()
    {
        var logs = new CollectingLoggerFactory();
        var time = new ManualTimeProvider();
        var options = TestOptions.Create(logs: logs, time: time);
        options.DropReportInterval = TimeSpan.FromSeconds(60);
        using var bus = new TestBus(options);
        bus.AddToSharedQueue(new DelegateListener((e, _) => throw (e is Ping ? new InvalidOperationException("ping") : new ArgumentException("pong"))));
        bus.Start();
        for (int i = 0; i < 5; i++)
        {
            bus.Post(new Ping(i));
        }

        bus.Post(new Pong(5));
        bus.Post(new Pong(6));
        bus.WaitUntilEmpty(TimeSpan.FromSeconds(30));

        Assert.Equal(2, logs.Entries.Count(e => e.EventId.Id == 1));
        Assert.DoesNotContain(logs.Entries, e => e.EventId.Id == 19);

        time.Advance(TimeSpan.FromSeconds(60));
        bus.FlushLog();
        Eventually.True(() => logs.Entries.Count(e => e.EventId.Id == 19) == 2, "a summary per kind on the schedule");
        LogEntry[] summaries = logs.Entries.Where(e => e.EventId.Id == 19).ToArray();
        Assert.Contains(summaries, e => e.Message.Contains("InvalidOperationException 4 more times", StringComparison.Ordinal));
        Assert.Contains(summaries, e => e.Message.Contains("ArgumentException 1 more times", StringComparison.Ordinal));

        // Nothing new since: the next tick and Stop write no summary.
        time.Advance(TimeSpan.FromSeconds(60));
        bus.Stop();
        Assert.Equal(2, logs.Entries.Count(e => e.EventId.Id == 19));
        Assert.Equal(7, bus.GetStats().Listeners[typeof(DelegateListener)].Failures);
    }

    [Fact]
    public void The_synchronous_bus_summarises_repeated_failures_when_a_failure_finds_the_interval_passed()
    {
        var logs = new CollectingLoggerFactory();
        var time = new ManualTimeProvider();
        var options = TestOptions.Create(logs: logs, time: time, name: "sync");
        var bus = new SyncTestBus(options);
        bus.AddListener(new ThrowingListener());
        for (int i = 0; i < 3; i++)
        {
            bus.PostToAll(new Ping(i));
        }

        Assert.Single(logs.Entries, e => e.EventId.Id == 1 && e.Category == "GeneratedBus.ListenerBus.sync");
        Assert.DoesNotContain(logs.Entries, e => e.EventId.Id == 19);

        time.Advance(options.DropReportInterval);
        bus.PostToAll(new Ping(3));

        LogEntry summary = Assert.Single(logs.Entries, e => e.EventId.Id == 19);
        Assert.Contains("3 more times on bus sync", summary.Message, StringComparison.Ordinal);
        Assert.Single(logs.Entries, e => e.EventId.Id == 1);
        Assert.Equal(4, bus.GetListenerStats()[typeof(ThrowingListener)].Failures);
    }

    [Fact]
    public void A_throwing_logger_does_not_end_the_dispatch_thread()
    {
        var options = TestOptions.Create();
        options.LoggerFactory = new ThrowingLoggerFactory();
        using var bus = new TestBus(options);
        var after = new CollectingListener();
        bus.AddToSharedQueue(new ThrowingListener());
        bus.AddToSharedQueue(after);
        bus.Start();
        bus.Post(new Ping(1));
        bus.Post(new Ping(2));

        after.WaitForCount(2);
        bus.Stop();
        Assert.Equal(2, bus.GetStats().Queues[TestBus.SharedQueue].Processed);
    }

    [Fact]
    public void RemoveListener_of_a_blocked_listener_returns_after_ExitTimeout_and_abandons_its_queue()
    {
        var logs = new CollectingLoggerFactory();
        var options = TestOptions.Create(logs: logs);
        options.ExitTimeout = TimeSpan.FromMilliseconds(100);
        using var bus = new TestBus(options);
        using var blocking = new BlockingListener();
        bus.AddToQueue(blocking, "stuck");
        bus.Start();
        bus.Post(new Ping(1));
        bus.Post(new Ping(2));
        blocking.WaitUntilEntered();

        Assert.True(bus.RemoveListener(blocking));

        Assert.Empty(bus.ActiveQueues);
        bus.FlushLog();
        Assert.Contains(logs.Entries, e => e.EventId.Id == 7 && e.Message.Contains("stuck"));
        blocking.Release();
        Eventually.True(() => bus.GetStats().Queues["stuck"] is { Processed: 1, Dropped: 1, Size: 0 }, "abandoned event dropped");
    }
}
