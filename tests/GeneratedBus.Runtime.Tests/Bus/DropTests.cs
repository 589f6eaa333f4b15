using System;
using System.Linq;
using System.Threading;
using GeneratedBus.Runtime.Tests.Support;
using Microsoft.Extensions.Logging;

namespace GeneratedBus.Runtime.Tests.Bus;

public class DropTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    public void A_queue_holds_exactly_its_capacity_of_waiting_events(int capacity)
    {
        using var bus = new TestBus(TestOptions.Create(capacity: capacity));
        using BlockingListener blocking = BlockingListener.StartBlocked(bus);

        for (int i = 1; i <= capacity + 5; i++)
        {
            bus.Post(new Ping(i));
        }

        QueueStats stats = bus.GetStats().Queues[TestBus.SharedQueue];
        Assert.Equal(capacity, stats.Size);
        Assert.Equal(5, stats.Dropped);
        Assert.Equal(capacity + 6, stats.Posted);
        Assert.Equal(capacity, stats.Capacity);
        blocking.Release();
    }

    [Fact]
    public void Post_never_blocks_on_a_full_queue()
    {
        using var bus = new TestBus(TestOptions.Create(capacity: 1));
        using BlockingListener blocking = BlockingListener.StartBlocked(bus);

        // On another thread, so a Post that waits for room fails the test instead of hanging it.
        var poster = new Thread(() =>
        {
            for (int i = 1; i <= 1000; i++)
            {
                bus.Post(new Ping(i));
            }
        }) { IsBackground = true };
        poster.Start();

        Assert.True(poster.Join(TimeSpan.FromSeconds(30)), "Post blocked on a full queue");
        Assert.Equal(999, bus.GetStats().Queues[TestBus.SharedQueue].Dropped);
        blocking.Release();
    }

    [Fact]
    public void A_per_queue_capacity_overrides_the_default()
    {
        var options = TestOptions.Create(capacity: 100);
        options.QueueCapacities["tiny"] = 1;
        using var bus = new TestBus(options);
        bus.AddToQueue(new CollectingListener(), "tiny");
        bus.AddToSharedQueue(new CollectingListener());

        Assert.Equal(1, bus.GetStats().Queues["tiny"].Capacity);
        Assert.Equal(100, bus.GetStats().Queues[TestBus.SharedQueue].Capacity);
    }

    [Fact]
    public void A_blocked_queue_drops_while_another_queue_loses_nothing()
    {
        using var bus = new TestBus(TestOptions.Create(capacity: 4));
        using var blocking = new BlockingListener();
        var fast = new CollectingListener();
        bus.AddToQueue(blocking, "slow");
        bus.AddToQueue(fast, "fast");
        bus.Start();
        bus.Post(new Ping(0));
        blocking.WaitUntilEntered();

        // The fast queue has capacity 4 too: pace the posts so it never fills while the slow one must.
        for (int i = 1; i <= 20; i++)
        {
            bus.Post(new Ping(i));
            fast.WaitForCount(i + 1);
        }

        BusStats stats = bus.GetStats();
        Assert.Equal(0, stats.Queues["fast"].Dropped);
        Assert.Equal(16, stats.Queues["slow"].Dropped);
        Assert.Equal(21, fast.Count);
        blocking.Release();
    }

    [Fact]
    public void The_first_drop_logs_an_error_naming_the_queue_and_the_likely_cause_once()
    {
        var logs = new CollectingLoggerFactory();
        using var bus = new TestBus(TestOptions.Create(capacity: 1, logs: logs));
        using BlockingListener blocking = BlockingListener.StartBlocked(bus, "appStatus");
        for (int i = 0; i < 10; i++)
        {
            bus.Post(new Ping(i));
        }

        bus.FlushLog();
        LogEntry error = Assert.Single(logs.At(LogLevel.Error));
        Assert.Equal(4, error.EventId.Id);
        Assert.Contains("appStatus", error.Message);
        Assert.Contains("too slow", error.Message);
        Assert.Contains("own queue", error.Message);
        blocking.Release();
    }

    [Fact]
    public void A_throwing_logger_does_not_make_a_dropping_Post_throw()
    {
        var options = TestOptions.Create(capacity: 1);
        options.LoggerFactory = new ThrowingLoggerFactory();
        using var bus = new TestBus(options);
        using BlockingListener blocking = BlockingListener.StartBlocked(bus);
        bus.Post(new Ping(1));

        bus.Post(new Ping(2));

        Assert.Equal(1, bus.GetStats().Queues[TestBus.SharedQueue].Dropped);
        blocking.Release();
    }

    [Fact]
    public void Drop_summaries_are_logged_at_most_once_per_interval_with_the_drops_since_the_last()
    {
        var logs = new CollectingLoggerFactory();
        var time = new ManualTimeProvider();
        var options = TestOptions.Create(capacity: 1, logs: logs, time: time);
        options.DropReportInterval = TimeSpan.FromSeconds(60);
        using var bus = new TestBus(options);
        using BlockingListener blocking = BlockingListener.StartBlocked(bus, "appStatus");
        bus.Post(new Ping(1));
        for (int i = 0; i < 5; i++)
        {
            bus.Post(new Ping(i));
        }

        Assert.Empty(Summaries(bus, logs));
        time.Advance(TimeSpan.FromSeconds(59));
        Assert.Empty(Summaries(bus, logs));
        time.Advance(TimeSpan.FromSeconds(1));
        LogEntry first = Assert.Single(Summaries(bus, logs));
        Assert.Contains("Dropped 5 events from queue appStatus", first.Message);
        Assert.Contains("2026-01-01T00:00:00", first.Message);

        time.Advance(TimeSpan.FromSeconds(60));
        Assert.Single(Summaries(bus, logs));

        for (int i = 0; i < 3; i++)
        {
            bus.Post(new Ping(i));
        }

        time.Advance(TimeSpan.FromSeconds(30));
        Assert.Single(Summaries(bus, logs));
        time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(2, Summaries(bus, logs).Length);
        Assert.Contains("Dropped 3 events from queue appStatus", Summaries(bus, logs)[1].Message);
        Assert.Contains("since 2026-01-01T00:01:00", Summaries(bus, logs)[1].Message);
        blocking.Release();
    }

    [Fact]
    public void Stop_logs_a_final_summary_of_drops_not_yet_reported()
    {
        var logs = new CollectingLoggerFactory();
        var time = new ManualTimeProvider();
        using var bus = new TestBus(TestOptions.Create(capacity: 1, logs: logs, time: time));
        using BlockingListener blocking = BlockingListener.StartBlocked(bus);
        bus.Post(new Ping(1));
        bus.Post(new Ping(2));
        bus.Post(new Ping(3));
        blocking.Release();

        bus.Stop();

        LogEntry summary = Assert.Single(Summaries(bus, logs));
        Assert.Contains("Dropped 2 events", summary.Message);
    }

    /// <summary>The drop summaries written so far, once the bus's log pump has written what it was handed.</summary>
    private static LogEntry[] Summaries(TestBus bus, CollectingLoggerFactory logs)
    {
        bus.FlushLog();
        return logs.Entries.Where(e => e.EventId.Id == 5).ToArray();
    }
}
