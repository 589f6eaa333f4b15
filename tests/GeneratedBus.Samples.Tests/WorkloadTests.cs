using System;
using System.Linq;
using GeneratedBus.Samples.Tests.Support;
using SparkScheduler.Cli;
using SparkScheduler.Events;
using SparkScheduler.Listeners.Liveness;
using SparkScheduler.Simulation;

namespace GeneratedBus.Samples.Tests;

/// <summary>What the simulated driver posts, counted without a bus: the default run's size, and every event type.</summary>
public sealed class WorkloadTests
{
    // The small workload on four executors (two nodes) with enough task failures to blacklist executors and nodes.
    private static readonly string[] FailureWorkload =
    [
        .. SampleRun.SmallWorkload, "--executors", "4", "--lost-executors", "1", "--hung-executors", "1",
        "--task-failure-rate", "0.04",
    ];

    [Fact]
    public void The_default_run_posts_at_least_a_million_events()
    {
        long[] byKind = Count(new SchedulerOptions(), out SimulationOutcome outcome);

        Assert.True(byKind.Sum() >= 1_000_000, $"the default run posts only {byKind.Sum():N0} events");
        Assert.Equal(outcome.EventsPosted, byKind.Sum());
        Assert.Equal(0, byKind[(int)SparkEventKind.Other]);
    }

    [Fact]
    public void A_workload_with_failures_posts_every_one_of_the_22_event_types()
    {
        SchedulerOptions options = OptionsParser.Parse(FailureWorkload);

        long[] byKind = Count(options, out _);

        // 22 simulated types, 3 that only Spark's own logs carry (read by replay), and Other.
        Assert.Equal(22 + 3 + 1, SparkDispatcher.KindCount);
        string[] logOnly = [nameof(LogStart), nameof(ResourceProfileAdded), nameof(StageExecutorMetrics)];
        string[] missing = Enumerable.Range(1, SparkDispatcher.KindCount - 1)
            .Where(k => byKind[k] == 0 && !logOnly.Contains(SparkDispatcher.NameOf((SparkEventKind)k)))
            .Select(k => SparkDispatcher.NameOf((SparkEventKind)k))
            .ToArray();
        Assert.True(missing.Length == 0, "never posted: " + string.Join(", ", missing));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void A_node_is_unblacklisted_only_after_it_was_blacklisted(int seed)
    {
        SchedulerOptions options = OptionsParser.Parse([.. FailureWorkload, "--seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        var blacklisted = new System.Collections.Generic.HashSet<string>(StringComparer.Ordinal);
        int pairs = 0;
        var clock = new SimulationClock(DateTimeOffset.FromUnixTimeMilliseconds(DagScheduler.StartMs));
        new DagScheduler(options, clock, e =>
        {
            switch (e)
            {
                case NodeBlacklisted b:
                    Assert.True(blacklisted.Add(b.HostId), $"{b.HostId} blacklisted twice");
                    break;
                case NodeUnblacklisted u:
                    Assert.True(blacklisted.Remove(u.HostId), $"{u.HostId} unblacklisted without being blacklisted");
                    pairs++;
                    break;
            }
        }, FirstCheck(options)).Run();

        Assert.True(pairs > 0, "no node was blacklisted and unblacklisted: the test checked nothing");
    }

    private static long FirstCheck(SchedulerOptions options) =>
        DagScheduler.StartMs + (long)ExpiryRule.CheckInterval(options.ExecutorTimeout).TotalMilliseconds;

    private static long[] Count(SchedulerOptions options, out SimulationOutcome outcome)
    {
        var byKind = new long[SparkDispatcher.KindCount];
        var clock = new SimulationClock(DateTimeOffset.FromUnixTimeMilliseconds(DagScheduler.StartMs));
        outcome = new DagScheduler(options, clock, e => byKind[(int)SparkDispatcher.KindOf(e)]++, FirstCheck(options)).Run();
        return byKind;
    }
}
