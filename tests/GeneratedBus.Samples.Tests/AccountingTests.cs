using System.Linq;
using GeneratedBus.Samples.Tests.Support;
using SparkScheduler.Listeners;

namespace GeneratedBus.Samples.Tests;

/// <summary>A small run of the main job: exit code, and the table's accounting of every event on every queue.</summary>
[Collection(SmallRunCollection.Name)]
public sealed class AccountingTests(SmallRunFixture small)
{

    [Fact]
    public void A_small_run_exits_zero_and_every_queue_accounts_for_every_event()
    {
        SampleRun run = small.Run;

        Assert.True(run.ExitCode == 0, run.Stderr);
        QueueRow[] queues = run.Table.Queues.ToArray();
        Assert.Equal(QueueNames.All, queues.Select(q => q.Name));
        long totalPosted = run.Table.Value("Events by type", "firehose.total");
        Assert.True(totalPosted > 1_000, $"only {totalPosted} events");
        foreach (QueueRow q in queues)
        {
            Assert.True(q.Posted == q.Processed + q.Dropped, $"{q.Name}: posted {q.Posted} != processed {q.Processed} + dropped {q.Dropped}");
            // Offered to every queue; a queue enqueues only the kinds its listeners handle and counts the rest skipped.
            Assert.Equal(totalPosted, q.Posted + q.Skipped);
        }

        // The firehose and the event log take every kind; the status listeners handle a few.
        Assert.All(queues.Where(q => q.Name is QueueNames.Shared or QueueNames.EventLog), q => Assert.Equal(0, q.Skipped));
        Assert.All(queues.Where(q => q.Name is QueueNames.AppStatus or QueueNames.ExecutorManagement), q => Assert.True(q.Skipped > 0, $"{q.Name} skipped nothing"));
    }

    [Fact]
    public void Only_the_slow_listeners_queue_drops_and_it_does()
    {
        SampleRun run = small.Run;

        foreach (QueueRow q in run.Table.Queues.Where(q => q.Name != QueueNames.EventLog))
        {
            Assert.True(q.Dropped == 0, $"{q.Name} dropped {q.Dropped}");
        }

        // 5 ms per event with room for 10: the event log cannot keep up with thousands of events.
        QueueRow eventLog = run.Table.Queues.Single(q => q.Name == QueueNames.EventLog);
        Assert.True(eventLog.Dropped > 0, "the slow listener's queue dropped nothing");
        Assert.Equal(10, eventLog.Capacity);
        Assert.Equal(eventLog.Processed, run.Table.Value("Events by type", "eventLog.written"));
    }

    [Fact]
    public void The_firehose_counts_every_event_posted_to_the_shared_queue()
    {
        SampleRun run = small.Run;

        QueueRow shared = run.Table.Queues.Single(q => q.Name == QueueNames.Shared);
        Assert.Equal(shared.Posted, run.Table.Value("Events by type", "firehose.total"));
        ListenerRow counter = run.Table.Listeners.Single(l => l.Name == "EventCounter");
        Assert.Equal(shared.Posted, counter.Events);
        Assert.Equal(0, counter.Failures);

        // The per-type counts add up to the total: no event reached the firehose as an undeclared type.
        long byType = run.Table.Section("Events by type")
            .Select(l => l.Split(' ', System.StringSplitOptions.RemoveEmptyEntries))
            .Where(c => c[0] is not ("firehose.total" or "eventLog.written"))
            .Sum(c => long.Parse(c[1], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(shared.Posted, byType);
    }

    [Fact]
    public void Every_listener_of_a_queue_that_must_not_drop_saw_every_event()
    {
        SampleRun run = small.Run;

        // Each got every event its queue carried: all of them for the firehose, the kinds it handles for the others.
        foreach ((string name, string queue) in new[] { ("AppStatusListener", QueueNames.AppStatus), ("ExecutorLivenessListener", QueueNames.ExecutorManagement), ("EventCounter", QueueNames.Shared) })
        {
            Assert.Equal(run.Table.Queues.Single(q => q.Name == queue).Processed, run.Table.Listeners.Single(l => l.Name == name).Events);
        }

        Assert.Equal(run.Table.Value("Events by type", "firehose.total"), run.Table.Queues.Single(q => q.Name == QueueNames.Shared).Processed);
    }

    [Fact]
    public void A_queue_capacity_of_one_still_drops_nothing_on_the_queues_that_must_not_drop_the_driver_waits_instead()
    {
        using var dir = new TempDirectory();

        // One slot for thousands of events: only back-pressure (Wait queues) keeps these queues lossless.
        SampleRun run = SampleRun.Small(dir.Path, "--queue-capacity", "1", "--tasks-per-stage", "2000");

        Assert.True(run.ExitCode == 0, run.Stderr);
        foreach (QueueRow q in run.Table.Queues.Where(q => QueueNames.MustNotDrop.Contains(q.Name)))
        {
            Assert.Equal(1, q.Capacity);
            Assert.True(q.Posted > 1_000, $"{q.Name}: only {q.Posted} events");
            Assert.True(q.Dropped == 0, $"{q.Name} dropped {q.Dropped}");
            Assert.Equal(q.Posted, q.Processed);
        }

        // The metrics saw the driver wait: with one slot it must have, on some queue, many times.
        long waits = run.Table.Queues.Where(q => QueueNames.MustNotDrop.Contains(q.Name)).Sum(q => q.Waits);
        Assert.True(waits > 100, $"the wait meter recorded only {waits} waits");
        Assert.Equal(0, run.Table.Queues.Single(q => q.Name == QueueNames.EventLog).Waits);
    }
}
