using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using SparkStreaming;

namespace GeneratedBus.Samples.Streaming.Tests;

/// <summary>The program as a user runs it: exit codes, usage, and the printed table.</summary>
public sealed class CommandLineTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = StreamingApp.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void A_run_exits_0_and_every_queue_accounts_for_every_event()
    {
        var (code, output, error) = Run("--batches", "40", "--seed", "5");

        Assert.Equal(0, code);
        Assert.Equal("", error);
        string[][] queues = Rows(output, "queue");
        Assert.Equal(["appStatus", "shared"], queues.Select(r => r[0]).Order(StringComparer.Ordinal));
        foreach (string[] row in queues)
        {
            long posted = long.Parse(row[2], CultureInfo.InvariantCulture);
            long processed = long.Parse(row[3], CultureInfo.InvariantCulture);
            long dropped = long.Parse(row[4], CultureInfo.InvariantCulture);
            Assert.Equal(posted, processed + dropped);
            Assert.Equal(SimulatedJobScheduler.EventsPosted(BatchPlan.Create(40, 5)), posted);
        }
    }

    [Fact]
    public void The_printed_summary_is_the_plans()
    {
        var (code, output, _) = Run("--batches", "40", "--seed", "5");

        IReadOnlyList<BatchInfo> plan = BatchPlan.Create(40, 5);
        double meanScheduling = plan.Average(b => (double)(b.ProcessingStartTime!.Value - b.BatchTime));
        Assert.Equal(0, code);
        Assert.Contains($"completed batches       40 (waiting 0, running 0)", output, StringComparison.Ordinal);
        Assert.Contains($"processed records       {plan.Sum(b => b.NumRecords)}\n", output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains(
            string.Create(CultureInfo.InvariantCulture, $"avg scheduling delay    {meanScheduling:F1} ms"), output, StringComparison.Ordinal);
    }

    [Fact]
    public void Defaults_run_200_batches()
    {
        var (code, output, _) = Run();

        Assert.Equal(0, code);
        Assert.Contains("completed batches       200 ", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--batches")]
    [InlineData("--batches", "0")]
    [InlineData("--batches", "100001")]
    [InlineData("--batches", "ten")]
    [InlineData("--seed", "1.5")]
    [InlineData("--jobs", "3")]
    [InlineData("extra")]
    public void Bad_arguments_exit_2_with_the_reason_and_usage_on_stderr(params string[] args)
    {
        var (code, output, error) = Run(args);

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.StartsWith("error: ", error, StringComparison.Ordinal);
        Assert.Contains("usage:", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_prints_usage_on_stdout_and_exits_0()
    {
        var (code, output, error) = Run("--help");

        Assert.Equal(0, code);
        Assert.Equal("", error);
        Assert.StartsWith("usage:", output, StringComparison.Ordinal);
    }

    // The rows of the table whose header starts with `header`: the lines after it up to the next blank one.
    private static string[][] Rows(string output, string header) =>
        output.ReplaceLineEndings("\n").Split('\n')
            .SkipWhile(l => !l.StartsWith(header + " ", StringComparison.Ordinal))
            .Skip(1)
            .TakeWhile(l => l.Length > 0)
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToArray();
}
