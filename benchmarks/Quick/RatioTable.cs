using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using BenchmarkDotNet.Reports;
using GeneratedBus.Benchmarks.Scenarios;

namespace GeneratedBus.Benchmarks.Quick;

/// <summary>The compact table of every goal against its baseline, from one BenchmarkDotNet summary.</summary>
public static class RatioTable
{
    public static string Format(Summary summary, IdleResult? idle, TimeSpan? processColdGenerator)
    {
        var byKey = new Dictionary<string, (double Ns, double Bytes)>(StringComparer.Ordinal);
        foreach (BenchmarkReport report in summary.Reports)
        {
            if (report.ResultStatistics is null)
            {
                continue;
            }

            string key = report.BenchmarkCase.Descriptor.Type.Name + "." + report.BenchmarkCase.Descriptor.WorkloadMethod.Name;
            byKey[key] = (report.ResultStatistics.Median, report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) ?? -1);
        }

        var table = new StringBuilder();
        table.AppendLine("| goal | scenario | ours | baseline | ratio | target | met |");
        table.AppendLine("|---|---|---|---|---|---|---|");
        foreach (Goal goal in Goal.Ratios)
        {
            if (!byKey.TryGetValue(goal.Ours, out var ours) || !byKey.TryGetValue(goal.Baseline, out var baseline))
            {
                table.AppendLine(CultureInfo.InvariantCulture, $"| {goal.Number} | {goal.Scenario} | not run | not run | | {goal.Target} | ? |");
                continue;
            }

            double ratio = goal.Ratio(ours.Ns, baseline.Ns);
            bool rate = goal.Kind == RatioKind.RateAtLeast;
            table.AppendLine(CultureInfo.InvariantCulture,
                $"| {goal.Number} | {goal.Scenario} | {Describe(ours, rate)} | {Describe(baseline, rate)} | {ratio:0.00}x | {goal.Target} | {(goal.Met(ratio, ours.Bytes) ? "yes" : "NO")} |");
        }

        if (idle is not null)
        {
            table.AppendLine(CultureInfo.InvariantCulture,
                $"| 7 | idle bus, {IdleCpu.Queues} queues, {idle.Window.TotalSeconds:0} s | {idle.BusThreads:P2} of a core (process {idle.ProcessWithBus:P2}) | process without bus {idle.ProcessWithoutBus:P2} | | < 1% | {(idle.BusThreads < 0.01 ? "yes" : "NO")} |");
        }

        string coldKey = Goal.Key<GeneratorBenchmarks>(nameof(GeneratorBenchmarks.Cold));
        string editKey = Goal.Key<GeneratorBenchmarks>(nameof(GeneratorBenchmarks.UnrelatedEdit));
        string floorKey = Goal.Key<GeneratorBenchmarks>(nameof(GeneratorBenchmarks.UnrelatedEditBindingOnly));
        if (byKey.TryGetValue(coldKey, out var cold))
        {
            double worst = Math.Max(cold.Ns, processColdGenerator?.TotalMilliseconds * 1e6 ?? 0);
            string first = processColdGenerator is { } t ? $"; first run in process (JIT cold) {t.TotalMilliseconds:0} ms" : "";
            string edit = byKey.TryGetValue(editKey, out var e)
                ? $"unrelated edit {e.Ns / 1e6:0.0} ms{Megabytes(e.Bytes)} ({e.Ns / cold.Ns:P0} of cold; no output step re-runs: tested)"
                : "";
            if (byKey.TryGetValue(floorKey, out var f))
            {
                edit += $"; Roslyn binding the events alone {f.Ns / 1e6:0.0} ms{Megabytes(f.Bytes)}";
            }

            table.AppendLine(CultureInfo.InvariantCulture,
                $"| 8 | generator, 1000-event bus | cold {cold.Ns / 1e6:0} ms{first} | {edit} | | < 1 s | {(worst < 1e9 ? "yes" : "NO")} |");
        }

        return table.ToString();
    }

    private static string Megabytes(double bytes) => bytes < 0 ? "" : string.Create(CultureInfo.InvariantCulture, $", {bytes / 1e6:0.0} MB");

    private static string Describe((double Ns, double Bytes) m, bool rate)
    {
        string bytes = m.Bytes < 0 ? "" : $", {m.Bytes:0} B";
        return rate
            ? string.Create(CultureInfo.InvariantCulture, $"{m.Ns:0.0} ns ({1000 / m.Ns:0.0} M/s{bytes})")
            : string.Create(CultureInfo.InvariantCulture, $"{m.Ns:0.0} ns{bytes}");
    }
}
