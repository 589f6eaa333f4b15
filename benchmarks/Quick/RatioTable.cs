using System;
using System.Collections.Generic;
using System.Globalization;
using BenchmarkDotNet.Reports;
using GeneratedBus.Benchmarks.Redis;
using GeneratedBus.Benchmarks.Scenarios;

namespace GeneratedBus.Benchmarks.Quick;

/// <summary>The goal rows of one BenchmarkDotNet summary: every ratio goal against its baseline, idle CPU and the generator.</summary>
public static class RatioTable
{
    public static List<GoalRow> Rows(Summary? summary, IdleResult? idle, TimeSpan? processColdGenerator)
    {
        var byKey = new Dictionary<string, Measured>(StringComparer.Ordinal);
        foreach (BenchmarkReport report in summary?.Reports ?? [])
        {
            if (report.ResultStatistics is null)
            {
                continue;
            }

            string key = report.BenchmarkCase.Descriptor.Type.Name + "." + report.BenchmarkCase.Descriptor.WorkloadMethod.Name;
            byKey[key] = new Measured(report.ResultStatistics.Median, report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) ?? -1);
        }

        var rows = new List<GoalRow>();
        foreach (Goal goal in Goal.Ratios)
        {
            rows.Add(byKey.TryGetValue(goal.Ours, out Measured ours) && byKey.TryGetValue(goal.Baseline, out Measured baseline)
                ? goal.Row(ours, baseline)
                : RedisGoals.IsSkipped(goal) ? RedisGoals.Skipped(goal) : GoalRow.NotRun(goal.Id, goal.Scenario, goal.Bound));
        }

        if (idle is not null)
        {
            // As a percentage, so the bound reads "< 1.00%".
            var bound = new Bound("<", 1, "%", false);
            double percent = idle.BusThreads * 100;
            rows.Add(new GoalRow("7", $"idle bus, {IdleCpu.Queues} queues, {idle.Window.TotalSeconds:0} s",
                string.Create(CultureInfo.InvariantCulture, $"{idle.BusThreads:P2} of a core (process {idle.ProcessWithBus:P2})"),
                string.Create(CultureInfo.InvariantCulture, $"process without bus {idle.ProcessWithoutBus:P2}"),
                percent, bound, bound.Holds(percent)));
        }

        rows.Add(Generator(byKey, processColdGenerator));
        return rows;
    }

    // Goal 8 is judged in real cold builds (ColdBuild/cold-build.sh): a build's compiler is ReadyToRun, where this process
    // JIT-compiles the NuGet package's. Here the first run is reported, as the issue asks: the worse of BenchmarkDotNet's
    // cold run and the first run in a fresh process (JIT included).
    private static GoalRow Generator(Dictionary<string, Measured> byKey, TimeSpan? processColdGenerator)
    {
        Bound bound = Bound.ReportOnly(" s");
        const string Scenario = "generator, 1000-event bus, in process (goal: real builds, ColdBuild/cold-build.sh)";
        if (!byKey.TryGetValue(Goal.Key<GeneratorBenchmarks>(nameof(GeneratorBenchmarks.Cold)), out Measured cold))
        {
            return GoalRow.NotRun("8", Scenario, bound);
        }

        double worst = Math.Max(cold.Ns, processColdGenerator?.TotalMilliseconds * 1e6 ?? 0) / 1e9;
        string first = processColdGenerator is { } t ? $"; first run in process (JIT cold) {t.TotalMilliseconds:0} ms" : "";
        string edit = byKey.TryGetValue(Goal.Key<GeneratorBenchmarks>(nameof(GeneratorBenchmarks.UnrelatedEdit)), out Measured e)
            ? $"unrelated edit {e.Ns / 1e6:0.0} ms{Megabytes(e.Bytes)} ({e.Ns / cold.Ns:P0} of cold; no output step re-runs: tested)"
            : "";
        if (byKey.TryGetValue(Goal.Key<GeneratorBenchmarks>(nameof(GeneratorBenchmarks.UnrelatedEditBindingOnly)), out Measured f))
        {
            edit += $"; Roslyn binding the events alone {f.Ns / 1e6:0.0} ms{Megabytes(f.Bytes)}";
        }

        string ours = string.Create(CultureInfo.InvariantCulture, $"cold {cold.Ns / 1e6:0} ms{first}");
        return new GoalRow("8", Scenario, ours, string.Create(CultureInfo.InvariantCulture, $"{edit}"), worst, bound, bound.Holds(worst));
    }

    private static string Megabytes(double bytes) => bytes < 0 ? "" : string.Create(CultureInfo.InvariantCulture, $", {bytes / 1e6:0.0} MB");
}
