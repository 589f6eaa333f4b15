using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;

namespace GeneratedBus.Benchmarks.Quick;

/// <summary>
/// <c>--launches N</c>: the quick goal table in N fresh processes, one after another, then per goal row the median
/// value and the spread (min-max) over the launches, as issue 10 asks results to be reported. Each launch's full output
/// goes to <c>BenchmarkDotNet.Artifacts/launches/launch-i.log</c>; its goal table is printed as it ends.
/// </summary>
public static class Launches
{
    /// <summary>Runs the launches; <paramref name="passOn"/> goes to each (for example <c>--only Sync</c>).</summary>
    /// <returns>0, or the exit code of the first launch that failed.</returns>
    public static int Run(int launches, IEnumerable<string> passOn)
    {
        string logs = Path.Combine("BenchmarkDotNet.Artifacts", "launches");
        Directory.CreateDirectory(logs);
        var runs = new List<List<GoalRow>>();
        for (int i = 1; i <= launches; i++)
        {
            string results = Path.GetTempFileName();
            string log = Path.Combine(logs, $"launch-{i}.log");
            Console.WriteLine($"launch {i} of {launches} (log: {log})");
            int exit = Launch(["--quick", "--results", results, .. passOn], log);
            if (exit != 0)
            {
                Console.Error.WriteLine($"launch {i} exited with {exit}; see {log}");
                return exit;
            }

            List<GoalRow> rows = File.ReadAllLines(results).Select(GoalRow.FromTsv).ToList();
            File.Delete(results);
            runs.Add(rows);
            Console.WriteLine(GoalRow.Table(rows));
        }

        Console.WriteLine();
        Console.WriteLine(Summary(runs));
        return 0;
    }

    /// <summary>Per goal row (goal and scenario), over the launches it ran in: median, min-max, and how many met the bound.</summary>
    public static string Summary(IReadOnlyList<List<GoalRow>> runs)
    {
        var table = new StringBuilder();
        table.AppendLine(CultureInfo.InvariantCulture, $"| goal | scenario | median of {runs.Count} | spread (min-max) | target | median met | launches met |");
        table.AppendLine("|---|---|---|---|---|---|---|");
        IEnumerable<IGrouping<(string Id, string Scenario), GoalRow>> byRow =
            GoalRow.InGoalOrder(runs.SelectMany(r => r)).GroupBy(r => (r.Id, r.Scenario));
        foreach (IGrouping<(string Id, string Scenario), GoalRow> row in byRow)
        {
            GoalRow[] ran = row.Where(r => !double.IsNaN(r.Value)).ToArray();
            Bound bound = row.First().Bound;
            if (ran.Length == 0)
            {
                // "not run", or why not (a skipped row says, e.g. that redis-server was not found).
                table.AppendLine(CultureInfo.InvariantCulture, $"| {row.Key.Id} | {row.Key.Scenario} | {row.First().Ours} | | {bound} | ? | |");
                continue;
            }

            double[] values = ran.Select(r => r.Value).Order().ToArray();
            double median = values.Length % 2 == 1 ? values[values.Length / 2] : (values[(values.Length / 2) - 1] + values[values.Length / 2]) / 2;
            table.AppendLine(CultureInfo.InvariantCulture,
                $"| {row.Key.Id} | {row.Key.Scenario} | {bound.Format(median)} | {bound.Format(values[0])}-{bound.Format(values[^1])} | {bound} | {bound.MetCell(bound.Holds(median))} | {(bound.IsReportOnly ? "" : $"{ran.Count(r => r.Met)} of {ran.Length}")} |");
        }

        return table.ToString();
    }

    // This program again, in a process of its own: through the dotnet host when that is what runs us.
    private static int Launch(IEnumerable<string> args, string log)
    {
        string host = Environment.ProcessPath!;
        var start = new ProcessStartInfo(host) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            start.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        }

        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var writer = new StreamWriter(log);
        using Process process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => Write(writer, e.Data);
        process.ErrorDataReceived += (_, e) => Write(writer, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.WaitForExit();
        return process.ExitCode;
    }

    private static void Write(StreamWriter writer, string? line)
    {
        if (line is not null)
        {
            lock (writer)
            {
                writer.WriteLine(line);
            }
        }
    }
}
