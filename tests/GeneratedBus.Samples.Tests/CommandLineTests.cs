using GeneratedBus.Samples.Tests.Support;

namespace GeneratedBus.Samples.Tests;

/// <summary>Bad arguments get the usage on stderr and exit code 2; --help gets it on stdout and exit code 0.</summary>
public sealed class CommandLineTests
{
    [Theory]
    [InlineData("Unknown option '--frobnicate'", "--frobnicate", "1")]
    [InlineData("--jobs needs a whole number, not 'many'", "--jobs", "many")]
    [InlineData("--jobs must be at least 1, not 0", "--jobs", "0")]
    [InlineData("--tasks-per-stage must be at least 1, not -5", "--tasks-per-stage", "-5")]
    [InlineData("--executors must be at least 1, not 0", "--executors=0")]
    [InlineData("--queue-capacity must be at least 1, not 0", "--queue-capacity", "0")]
    [InlineData("--queue-capacity must be at least 1, not -5", "--queue-capacity", "-5")]
    [InlineData("--slow-queue-capacity needs a whole number, not '1e3'", "--slow-queue-capacity", "1e3")]
    [InlineData("--seed needs a value <int>", "--seed")]
    [InlineData("--slow-listener-delay must be at least 0, not -1", "--slow-listener-delay", "-1")]
    [InlineData("--task-failure-rate needs a number from 0 up to (not including) 1, not '1'", "--task-failure-rate", "1")]
    [InlineData("--lost-executors (2) plus --hung-executors (2) must leave at least one of the 4 executors running", "--executors", "4", "--lost-executors", "2", "--hung-executors", "2")]
    [InlineData("--executor-timeout must be longer than --heartbeat-interval", "--executor-timeout", "10")]
    [InlineData("--report needs a file path", "--report=")]
    [InlineData("Unknown option 'jobs'", "jobs", "3")]
    public void Bad_arguments_exit_2_with_the_reason_and_the_usage_on_stderr(string reason, params string[] args)
    {
        SampleRun run = SampleRun.InProcess(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("error: " + reason, run.Stderr, System.StringComparison.Ordinal);
        Assert.Contains("Usage: SparkScheduler [options]", run.Stderr, System.StringComparison.Ordinal);
        Assert.Contains("--tasks-per-stage", run.Stderr, System.StringComparison.Ordinal);
        Assert.Equal("", run.Stdout);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public void Help_prints_every_option_with_its_default_on_stdout_and_exits_0(string flag)
    {
        SampleRun run = SampleRun.InProcess(flag);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Stderr);
        foreach (string option in new[] { "--jobs", "--stages-per-job", "--tasks-per-stage", "--executors", "--seed", "--slow-listener-delay", "--report" })
        {
            Assert.Contains(option, run.Stdout, System.StringComparison.Ordinal);
        }

        Assert.Contains("(default 1250)", run.Stdout, System.StringComparison.Ordinal);
    }
}
