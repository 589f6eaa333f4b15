using System;
using System.Collections.Generic;
using GeneratedBus.Benchmarks.Quick;
using GeneratedBus.Benchmarks.Scenarios;

namespace GeneratedBus.Benchmarks.Redis;

/// <summary>
/// Issue 13's rows of the goal table: "skipped" rows when redis-server is not installed, and the end-to-end latency
/// at <see cref="RedisLatency.Rate"/> events/s, with the append script's wake-up and with polling alone, which has no
/// target in the issue and is reported as measured.
/// </summary>
public static class RedisGoals
{
    private const string Id = "13";

    /// <summary>Whether <paramref name="goal"/> needs redis-server and there is none.</summary>
    public static bool IsSkipped(Goal goal) => goal.Ours.StartsWith(nameof(RedisPublishBenchmarks) + ".", StringComparison.Ordinal) && !BenchRedisServer.IsInstalled;

    /// <summary>The row of <paramref name="goal"/> when redis-server is missing.</summary>
    public static GoalRow Skipped(Goal goal, string how = "") => GoalRow.Skipped(goal.Id, goal.Scenario + how, goal.Bound, BenchRedisServer.Missing);

    /// <summary>
    /// The latency rows (p50 and p99, with the wake-up and polling alone), one run of <paramref name="measured"/> per
    /// mode on one fresh redis-server, when <paramref name="include"/> accepts <see cref="RedisLatency"/>.
    /// </summary>
    public static List<GoalRow> Latency(Func<Type, bool> include, TimeSpan measured)
    {
        var rows = new List<GoalRow>();
        if (!include(typeof(RedisLatency)))
        {
            return rows;
        }

        Bound bound = Bound.ReportOnly(" ms");
        using BenchRedisServer? server = BenchRedisServer.TryStart();
        if (server is null)
        {
            foreach (string scenario in Scenarios(notify: true))
            {
                rows.Add(GoalRow.Skipped(Id, scenario, bound, BenchRedisServer.Missing));
            }

            foreach (string scenario in Scenarios(notify: false))
            {
                rows.Add(GoalRow.Skipped(Id, scenario, bound, BenchRedisServer.Missing));
            }

            return rows;
        }

        // A run that is not counted first: in one process the first run was the slower one, whichever mode it was
        // (code still tiering up), which would have favoured the second mode.
        RedisLatency.Measure(server, notify: true, RedisLatency.WarmUp);
        LatencyResult woken = RedisLatency.Measure(server, notify: true, measured);
        LatencyResult polled = RedisLatency.Measure(server, notify: false, measured);
        rows.AddRange(Rows(woken, polled));
        rows.AddRange(Rows(polled, woken));
        return rows;
    }

    private static IEnumerable<GoalRow> Rows(LatencyResult run, LatencyResult other)
    {
        Bound bound = Bound.ReportOnly(" ms");
        string[] scenarios = Scenarios(run.Notify);
        string beside = other.Notify ? "with the wake-up" : "polling alone";
        yield return new GoalRow(Id, scenarios[0], run.Describe(), $"{beside}: p50 {bound.Format(other.P50)}", run.P50, bound, true);
        yield return new GoalRow(Id, scenarios[1], run.Describe(), $"{beside}: p99 {bound.Format(other.P99)}", run.P99, bound, true);
    }

    private static string[] Scenarios(bool notify)
    {
        string how = notify ? "woken by the append script's notification" : "polling alone (no notification)";
        string at = $"post to listener through redis-server at {RedisLatency.Rate:N0} events/s, subscriber {how}";
        return [at + ": p50", at + ": p99"];
    }
}
