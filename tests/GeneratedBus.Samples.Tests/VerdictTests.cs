using System;
using System.IO;
using System.Linq;
using GeneratedBus.Samples.Tests.Support;
using SparkScheduler;
using SparkScheduler.Cli;
using SparkScheduler.Listeners;
using SparkScheduler.Reporting;

namespace GeneratedBus.Samples.Tests;

/// <summary>A run whose numbers cannot be trusted exits 1 and says why on stderr; the report's drop sentence follows the stats.</summary>
public sealed class VerdictTests
{
    private static readonly Lazy<RunResult> Good = new(() =>
    {
        // Simulate runs the bus and the driver only; it writes no report.
        SchedulerOptions options = OptionsParser.Parse(SampleRun.SmallWorkload);
        return SparkSchedulerApp.Simulate(options, new ProgressLine(TextWriter.Null, isTerminal: false));
    });

    [Fact]
    public void A_good_run_has_no_problems_and_exits_0()
    {
        var stderr = new StringWriter();

        Assert.Empty(Good.Value.Problems());
        Assert.Equal(SparkSchedulerApp.Success, SparkSchedulerApp.Verdict(Good.Value, stderr));
        Assert.Equal("", stderr.ToString());
    }

    [Fact]
    public void A_drop_on_a_queue_that_must_not_drop_fails_the_run()
    {
        RunResult dropped = WithQueue(Good.Value, QueueNames.AppStatus, q => q with { Processed = q.Processed - 5, Dropped = 5 });
        var stderr = new StringWriter();

        Assert.Equal(SparkSchedulerApp.Failure, SparkSchedulerApp.Verdict(dropped, stderr));
        Assert.Contains("error: Queue 'appStatus' must not drop but dropped 5 events", stderr.ToString(), StringComparison.Ordinal);
        Assert.StartsWith($"Queues that dropped events: {QueueNames.AppStatus} (5), {QueueNames.EventLog} (", HtmlReport.DropSummary(dropped), StringComparison.Ordinal);
    }

    [Fact]
    public void A_queue_that_does_not_balance_fails_the_run_and_the_report_says_so()
    {
        RunResult unbalanced = WithQueue(Good.Value, QueueNames.Shared, q => q with { Processed = q.Processed - 1 });
        var stderr = new StringWriter();

        Assert.Equal(SparkSchedulerApp.Failure, SparkSchedulerApp.Verdict(unbalanced, stderr));
        Assert.Contains("error: Queue 'shared' does not balance", stderr.ToString(), StringComparison.Ordinal);
        Assert.EndsWith("posted = processed + dropped does NOT hold for shared.", HtmlReport.DropSummary(unbalanced), StringComparison.Ordinal);
    }

    [Fact]
    public void A_liveness_failure_fails_the_run_with_its_exception_on_stderr()
    {
        var error = new InvalidOperationException("liveness went wrong");
        RunResult failed = Good.Value with { Liveness = Good.Value.Liveness with { Failures = 1, FirstErrors = [error] } };
        var stderr = new StringWriter();

        Assert.Equal(SparkSchedulerApp.Failure, SparkSchedulerApp.Verdict(failed, stderr));
        Assert.Contains("error: the executor-liveness loop failed on a message: System.InvalidOperationException: liveness went wrong", stderr.ToString(), StringComparison.Ordinal);
        Assert.Contains("failed to handle 1 messages", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Expiries_that_differ_from_the_hung_executors_fail_the_run()
    {
        RunResult disagree = Good.Value with { Outcome = Good.Value.Outcome with { HungExecutorsRemoved = ["1"] } };
        var stderr = new StringWriter();

        Assert.Equal(SparkSchedulerApp.Failure, SparkSchedulerApp.Verdict(disagree, stderr));
        Assert.Contains("but the driver removed hung executors [1]", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_redis_publisher_that_does_not_balance_fails_the_run()
    {
        // posted 10 = appended 6 + dropped (stream full) 1 + dropped (unreachable) 2 + duplicates 0 + waiting 0 + unencodable 0 + unconfirmed 0: one lost.
        var balance = new GeneratedBus.Redis.Accounting.RedisPublisherBalance(10, 6, 1, 2, 0, 0, 0, 0);
        RunResult lost = Good.Value with { Redis = new SparkScheduler.Redis.PublishedRun("s", "p", balance, EndMarked: true) };
        var stderr = new StringWriter();

        Assert.Equal(SparkSchedulerApp.Failure, SparkSchedulerApp.Verdict(lost, stderr));
        Assert.Contains("error: The Redis publisher does not balance: posted 10 = appended 6 + dropped (stream full) 1 + dropped (unreachable) 2", stderr.ToString(), StringComparison.Ordinal);
        Assert.EndsWith(": NOT BALANCED", lost.Redis!.ToString(), StringComparison.Ordinal);
        Assert.Empty((Good.Value with { Redis = lost.Redis with { Balance = balance with { Posted = 9 } } }).Problems());
    }

    private static RunResult WithQueue(RunResult r, string name, Func<GeneratedBus.QueueStats, GeneratedBus.QueueStats> change) =>
        r with
        {
            Stats = r.Stats with
            {
                Queues = r.Stats.Queues.ToDictionary(q => q.Key, q => q.Key == name ? change(q.Value) : q.Value, StringComparer.Ordinal),
            },
        };
}
