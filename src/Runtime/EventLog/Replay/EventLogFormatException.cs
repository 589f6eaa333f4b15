using System;

namespace GeneratedBus.EventLog.Replay;

/// <summary>
/// A line of an event log that replay refuses: malformed where the log cannot be truncated, or over a limit. The
/// message names the file and the line.
/// </summary>
public sealed class EventLogFormatException : Exception
{
    /// <summary>Creates the exception for line <paramref name="lineNumber"/> of <paramref name="path"/>.</summary>
    /// <param name="path">The file (a part, for a rolled log).</param>
    /// <param name="lineNumber">The line, from 1.</param>
    /// <param name="reason">What is wrong with it.</param>
    public EventLogFormatException(string path, long lineNumber, string reason)
        : base($"{path}: line {lineNumber} is malformed: {reason}")
    {
        Path = path;
        LineNumber = lineNumber;
        Reason = reason;
    }

    /// <summary>The file (a part, for a rolled log).</summary>
    public string Path { get; }

    /// <summary>The line, from 1.</summary>
    public long LineNumber { get; }

    /// <summary>What is wrong with the line.</summary>
    public string Reason { get; }
}
