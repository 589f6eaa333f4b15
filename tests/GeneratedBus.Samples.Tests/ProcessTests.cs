using System;
using System.IO;
using System.Linq;
using GeneratedBus.Samples.Tests.Support;

namespace GeneratedBus.Samples.Tests;

/// <summary>The built executable, run as a user runs it: exit codes, stdout and stderr kept apart, report in the working directory.</summary>
public sealed class ProcessTests
{
    [Fact]
    public void The_executable_runs_a_small_workload_and_writes_the_report_to_the_working_directory()
    {
        using var dir = new TempDirectory();
        SampleRun run = ChildProcess.SparkScheduler(dir.Path, SampleRun.SmallWorkload);

        Assert.True(run.ExitCode == 0, run.Stderr);
        string report = Path.Combine(dir.Path, "spark-scheduler-report.html");
        Assert.True(File.Exists(report), "no report in the working directory");
        Assert.Contains("Report: " + report, run.Stdout, StringComparison.Ordinal);
        Assert.All(run.Table.Queues, q => Assert.Equal(q.Posted, q.Processed + q.Dropped));

        // Redirected stderr is not a terminal: plain progress lines, never a carriage return.
        Assert.DoesNotContain('\r', run.Stderr);
        string[] progress = run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(progress);
        Assert.All(progress, line => Assert.Matches(@"^\[\s*\d+\.\ds\] posted\s+[\d,]+\s+[\d,]+ ev/s\s+depth\s+appStatus \d", line));
        Assert.DoesNotContain("Queues", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void The_executable_exits_2_on_bad_arguments_with_the_usage_on_stderr()
    {
        using var dir = new TempDirectory();
        SampleRun run = ChildProcess.SparkScheduler(dir.Path, "--jobs", "-1");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("error: --jobs must be at least 1, not -1", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("Usage:", run.Stderr, StringComparison.Ordinal);
        Assert.Equal("", run.Stdout);
        Assert.Empty(Directory.EnumerateFiles(dir.Path));
    }
}
