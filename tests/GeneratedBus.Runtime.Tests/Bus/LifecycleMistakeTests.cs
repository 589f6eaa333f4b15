using System;
using System.Linq;
using System.Runtime.CompilerServices;
using GeneratedBus.Runtime.Tests.Support;
using Microsoft.Extensions.Logging;

namespace GeneratedBus.Runtime.Tests.Bus;

/// <summary>
/// Ordinary lifecycle mistakes are refused or reported, never silent (issue 14, point 1): a wait before Start, a typo
/// in a queue setting, a bus left unreachable or a process left without Stop while events are held. Dispose before
/// Start: <see cref="DisposeBeforeStartTests"/>; a listener added after Stop: <see cref="LifecycleTests"/>.
/// </summary>
public class LifecycleMistakeTests
{
    [Fact]
    public void WaitUntilEmpty_before_Start_throws_instead_of_returning_with_the_buffered_events_undelivered()
    {
        using var bus = new TestBus(TestOptions.Create(name: "unstarted"));
        bus.AddToSharedQueue(new CollectingListener());
        bus.Post(new Ping(1));

        var error = Assert.Throws<InvalidOperationException>(() => bus.WaitUntilEmpty(TimeSpan.FromSeconds(1)));
        Assert.Contains("unstarted", error.Message, StringComparison.Ordinal);
        Assert.Contains("Start", error.Message, StringComparison.Ordinal);

        bus.Start();
        bus.WaitUntilEmpty(TimeSpan.FromSeconds(30));
        Assert.Equal(1, bus.GetStats().Queues[TestBus.SharedQueue].Processed);
    }

    [Fact]
    public void Queue_settings_naming_no_queue_are_warned_about_at_Start_and_those_still_unmatched_again_at_Stop()
    {
        var logs = new CollectingLoggerFactory();
        var options = TestOptions.Create(logs: logs, name: "typos");
        options.QueueCapacities["notificatons"] = 10;
        options.QueueCapacities["later"] = 10;
        options.QueueCapacities["orders"] = 10;
        options.QueueFullModes["ordres"] = QueueFullMode.Wait;
        using var bus = new TestBus(options);
        bus.AddToQueue(new CollectingListener(), "orders");

        bus.Start();
        bus.FlushLog();
        LogEntry[] atStart = Unmatched(logs);
        Assert.Equal(2, atStart.Length);
        Assert.All(atStart, e => Assert.Equal(LogLevel.Warning, e.Level));
        Assert.Contains(atStart, e => e.Message.Contains("QueueCapacities names later, notificatons,", StringComparison.Ordinal) && e.Message.Contains("at Start", StringComparison.Ordinal) && e.Message.Contains("typos", StringComparison.Ordinal));
        Assert.Contains(atStart, e => e.Message.Contains("QueueFullModes names ordres,", StringComparison.Ordinal));

        // A queue created after Start matches its key: only the typos are left at Stop.
        bus.AddToQueue(new CollectingListener(), "later");
        bus.Stop();
        LogEntry[] atStop = Unmatched(logs).Skip(2).ToArray();
        Assert.Equal(2, atStop.Length);
        Assert.Contains(atStop, e => e.Message.Contains("QueueCapacities names notificatons,", StringComparison.Ordinal) && e.Message.Contains("at Stop", StringComparison.Ordinal));
        Assert.Contains(atStop, e => e.Message.Contains("QueueFullModes names ordres,", StringComparison.Ordinal));
    }

    [Fact]
    public void Queue_settings_that_all_name_queues_are_not_warned_about()
    {
        var logs = new CollectingLoggerFactory();
        var options = TestOptions.Create(logs: logs);
        options.QueueCapacities["orders"] = 10;
        options.QueueFullModes["orders"] = QueueFullMode.Wait;
        var bus = new TestBus(options);
        bus.AddToQueue(new CollectingListener(), "orders");

        bus.Start();
        bus.Stop();

        Assert.Empty(Unmatched(logs));
    }

    [Fact]
    public void A_bus_never_started_that_becomes_unreachable_logs_how_many_buffered_events_it_lost()
    {
        var logs = new CollectingLoggerFactory();
        string name = "forgotten-" + Guid.NewGuid().ToString("N");
        AbandonUnstartedBus(logs, name, events: 7);

        for (int i = 0; i < 10 && !logs.Entries.Any(e => e.EventId.Id == 18); i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        LogEntry entry = Assert.Single(logs.Entries, e => e.EventId.Id == 18);
        Assert.Equal(LogLevel.Error, entry.Level);
        Assert.Contains(name, entry.Message, StringComparison.Ordinal);
        Assert.Contains("7 buffered events", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bus_disposed_is_not_reported_when_collected()
    {
        var logs = new CollectingLoggerFactory();
        DisposeUnstartedBus(logs);

        GC.Collect();
        GC.WaitForPendingFinalizers();

        Assert.DoesNotContain(logs.Entries, e => e.EventId.Id == 18);
    }

    [Fact]
    public void At_process_exit_a_running_bus_reports_the_events_its_queues_still_hold()
    {
        var logs = new CollectingLoggerFactory();
        using var bus = new TestBus(TestOptions.Create(logs: logs, name: "exiting"));
        using BlockingListener blocking = BlockingListener.StartBlocked(bus);
        for (int i = 1; i < 25; i++)
        {
            bus.Post(new Ping(i));
        }

        // What the process-exit hook calls for each live bus (the hook itself: the child-process test below).
        ((IReportsLossAtExit)bus).ReportLossAtExit();

        LogEntry entry = Assert.Single(logs.Entries, e => e.EventId.Id == 17);
        Assert.Equal(LogLevel.Error, entry.Level);
        Assert.Contains("exiting still holds 25 undelivered events (running)", entry.Message, StringComparison.Ordinal);

        // Once stopped and drained, nothing is lost and nothing is reported.
        blocking.Release();
        bus.Stop();
        ((IReportsLossAtExit)bus).ReportLossAtExit();
        Assert.Single(logs.Entries, e => e.EventId.Id == 17);
    }

    [Fact]
    public void A_process_that_exits_without_Stop_logs_how_many_queued_events_it_lost()
    {
        string exitOutput = ChildScenario.AssertPassesAndReturnsExitOutput("bus-exit-without-stop", "1000");

        Assert.Contains("Error EventsLostAtExit: The process is exiting while bus exiting still holds 1000 undelivered events (running)", exitOutput, StringComparison.Ordinal);
    }

    private static LogEntry[] Unmatched(CollectingLoggerFactory logs) => logs.Entries.Where(e => e.EventId.Id == 16).ToArray();

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void AbandonUnstartedBus(CollectingLoggerFactory logs, string name, int events)
    {
        var bus = new TestBus(TestOptions.Create(logs: logs, name: name));
        bus.AddToSharedQueue(new CollectingListener());
        for (int i = 0; i < events; i++)
        {
            bus.Post(new Ping(i));
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void DisposeUnstartedBus(CollectingLoggerFactory logs)
    {
        var bus = new TestBus(TestOptions.Create(logs: logs));
        bus.AddToSharedQueue(new CollectingListener());
        bus.Post(new Ping(1));
        bus.Dispose();
    }
}
