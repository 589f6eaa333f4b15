using System;

namespace SparkScheduler.Replay;

/// <summary>A log could not be replayed: it names the log, the line (0 when the file itself failed) and why.</summary>
internal sealed class ReplayFailure(string path, long line, string reason) : Exception($"{path}:{line}: {reason}")
{
    public string Path { get; } = path;
    public long Line { get; } = line;
    public string Reason { get; } = reason;
}
