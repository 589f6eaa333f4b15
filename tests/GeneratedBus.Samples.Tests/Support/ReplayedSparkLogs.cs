using System;
using System.IO;
using System.Linq;

namespace GeneratedBus.Samples.Tests.Support;

/// <summary>
/// Every shared Spark log replayed once, in process, by <c>replay &lt;log&gt;... --rest-out &lt;dir&gt;</c>; the tests
/// read the REST files it wrote. Lazy, so that a class whose tests skip (no logs here) never replays.
/// </summary>
public sealed class ReplayedSparkLogs : IDisposable
{
    private readonly Lazy<(SampleRun Run, string Folder)> _replay;
    private readonly TempDirectory _directory = new();

    public ReplayedSparkLogs() => _replay = new Lazy<(SampleRun, string)>(Replay);

    internal SampleRun Run => _replay.Value.Run;

    /// <summary>A REST file, such as <c>applications/local-1422981780767/jobs.json</c>.</summary>
    public string File(string relative) =>
        Run.ExitCode == 0
            ? Path.Combine(_replay.Value.Folder, relative)
            : throw new InvalidOperationException($"replay exited {Run.ExitCode}: {Run.Stderr}");

    public void Dispose() => _directory.Dispose();

    private (SampleRun, string) Replay()
    {
        string[] logs = Directory.GetFiles(Path.Combine(SparkEventsFolder.Require(), "logs")).Order(StringComparer.Ordinal).ToArray();
        string folder = _directory.File("rest");
        return (SampleRun.InProcess(["replay", .. logs, "--rest-out", folder]), folder);
    }
}
