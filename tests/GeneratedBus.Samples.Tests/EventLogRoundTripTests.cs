using System.IO;
using System.Linq;
using GeneratedBus.EventLog;
using GeneratedBus.EventLog.Replay;
using GeneratedBus.Samples.Tests.Support;
using SparkScheduler.Events;
using SparkScheduler.Listeners;
using SparkScheduler.Reporting;

namespace GeneratedBus.Samples.Tests;

/// <summary>
/// The main job writes its own Spark event log (issue 11, point 4): lossless, its replay through the same listener
/// gives the run's "App status" exactly; with drops, the log's closing record says how many events it lacks. In the
/// small-run collection, so that its <c>Wait</c> eventLog queue never runs beside AccountingTests, whose wait meter
/// (a process-wide MeterListener on the bus's name) would count its waits.
/// </summary>
[Collection(SmallRunCollection.Name)]
public sealed class EventLogRoundTripTests
{
    [Fact]
    public void A_run_whose_eventLog_queue_dropped_nothing_replays_to_the_same_app_status()
    {
        using var dir = new TempDirectory();
        SampleRun run = SampleRun.Small(dir.Path, "--slow-listener-delay", "0", "--event-log-queue", "wait", "--task-failure-rate", "0.02");

        Assert.Equal(0, run.ExitCode);
        string log = dir.File("events.log");
        Assert.Contains("Event log: " + log, run.Stdout.Split('\n').Select(l => l.TrimEnd('\r')));
        Assert.False(File.Exists(log + ".inprogress"), "the in-progress name was not renamed on close");
        QueueRow eventLogQueue = Assert.Single(run.Table.Queues, q => q.Name == QueueNames.EventLog);
        Assert.Equal(0, eventLogQueue.Dropped);

        var replayed = new AppStatusListener();
        EventLogSummary summary = EventLogReplay.Replay(log, SparkJsonCodec.Instance, e => SparkDispatcher.Dispatch(replayed, e));

        Assert.True(summary.IsComplete, $"closing record: {summary.End}");
        Assert.Equal(eventLogQueue.Posted, summary.Events);
        Assert.Equal((0L, 0L), (summary.UnrecognisedEvents, summary.MalformedLines));
        Assert.Equal("SparkScheduler", summary.Start?.Bus);
        var text = new StringWriter();
        ResultTable.WriteAppStatus(text, replayed.Summary());
        Assert.Equal(run.Table.Section(ResultTable.AppStatus), RunTable.Parse(text.ToString()).Section(ResultTable.AppStatus));

        // The command does the same through the same listener, and prints the section as the run did.
        SampleRun replay = SampleRun.InProcess("replay", log, "--rest-out", dir.File("rest"));
        Assert.Equal(0, replay.ExitCode);
        Assert.Equal(run.Table.Section(ResultTable.AppStatus), replay.Table.Section(ResultTable.AppStatus));
        Assert.DoesNotContain("incomplete", replay.Stdout, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_run_whose_eventLog_queue_dropped_closes_its_log_with_the_number_it_lacks()
    {
        using var dir = new TempDirectory();
        SampleRun run = SampleRun.Small(dir.Path);

        Assert.Equal(0, run.ExitCode);
        QueueRow eventLogQueue = Assert.Single(run.Table.Queues, q => q.Name == QueueNames.EventLog);
        Assert.True(eventLogQueue.Dropped > 0, "the small workload's slow eventLog queue of 10 should drop");

        EventLogSummary summary = EventLogReplay.Replay(dir.File("events.log"), SparkJsonCodec.Instance, _ => { });

        Assert.False(summary.IsComplete);
        Assert.Equal(eventLogQueue.Dropped, summary.End?.EventsDropped);
        Assert.Equal(eventLogQueue.Processed, summary.Events);
        Assert.Equal(summary.Events, summary.End?.EventsWritten);

        // The command replays what there is, and says the log is incomplete and by how many events.
        SampleRun replay = SampleRun.InProcess("replay", dir.File("events.log"), "--rest-out", dir.File("rest"));
        Assert.Equal(0, replay.ExitCode);
        Assert.Contains($"the log is incomplete: its writer's queue dropped {eventLogQueue.Dropped} event(s)", replay.Stdout, System.StringComparison.Ordinal);
    }
}
