using System;

namespace SparkScheduler.Replay;

/// <summary>One line of an event log: its 1-based number and its UTF-8 bytes, without the line break.</summary>
/// <param name="Number">The line number, counted from 1.</param>
/// <param name="Bytes">The line; valid until the reader moves on.</param>
internal readonly ref struct LogLine(long Number, ReadOnlySpan<byte> Bytes)
{
    public long Number { get; } = Number;
    public ReadOnlySpan<byte> Bytes { get; } = Bytes;
}
