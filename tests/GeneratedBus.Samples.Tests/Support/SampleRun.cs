using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using SparkScheduler;

namespace GeneratedBus.Samples.Tests.Support;

/// <summary>What one run of the main job printed and returned.</summary>
internal sealed record SampleRun(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>
    /// A workload that finishes in well under a second but still kills, hangs and expires executors; its event log goes
    /// to a file of its own in the temp folder, since tests run in parallel (a later <c>--event-log</c> overrides it).
    /// </summary>
    public static string[] SmallWorkload =>
    [
        "--jobs", "3", "--stages-per-job", "2", "--tasks-per-stage", "400", "--executors", "8",
        "--lost-executors", "1", "--hung-executors", "2", "--heartbeat-interval", "2", "--executor-timeout", "20",
        "--slow-listener-delay", "5", "--slow-queue-capacity", "10", "--sample-interval", "5",
        "--event-log", TempEventLog(),
    ];

    private static string TempEventLog()
    {
        string folder = Path.Combine(Path.GetTempPath(), "GeneratedBus.Samples.Tests", "event-logs");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, Guid.NewGuid().ToString("N") + ".log");
    }

    /// <summary>Runs <see cref="SparkSchedulerApp.Run"/> in this process, failing the test if it hangs.</summary>
    public static SampleRun InProcess(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        // As in ChildProcess, a generous bound that only a hang reaches (a Wait queue that never gets room, say). The
        // job runs on a thread of its own (LongRunning) so that Wait cannot run it inline, past the bound; a hung job
        // cannot be killed in process and is left behind, but the test fails instead of hanging.
        Task<int> run = Task.Factory.StartNew(
            () => SparkSchedulerApp.Run(args, stdout, stderr), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        if (!run.Wait(TimeSpan.FromMinutes(3)))
        {
            throw new TimeoutException($"SparkScheduler {string.Join(' ', args)} did not finish within 3 minutes");
        }

        return new SampleRun(run.Result, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs the small workload with its report and event log written into <paramref name="directory"/>.</summary>
    public static SampleRun Small(string directory, params string[] extra) =>
        InProcess([.. SmallWorkload, "--report", Path.Combine(directory, "report.html"), "--event-log", Path.Combine(directory, "events.log"), .. extra]);

    /// <summary>The printed table, read back.</summary>
    public RunTable Table => RunTable.Parse(Stdout);
}
