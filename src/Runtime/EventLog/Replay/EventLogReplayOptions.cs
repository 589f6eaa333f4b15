using System;
using Microsoft.Extensions.Logging;

namespace GeneratedBus.EventLog.Replay;

/// <summary>The limits and tolerance of a replay.</summary>
public sealed class EventLogReplayOptions
{
    /// <summary>The longest line allowed when none is set: 16 MiB.</summary>
    public const int DefaultMaxLineBytes = 16 * 1024 * 1024;

    /// <summary>How many distinct unrecognised names are counted apart; further names count under <see cref="EventLogSummary.OtherNames"/>.</summary>
    public const int MaxDistinctUnrecognisedNames = 1024;

    /// <summary>The options with the default limits.</summary>
    public static EventLogReplayOptions Default { get; } = new();

    private readonly int _maxLineBytes = DefaultMaxLineBytes;

    /// <summary>
    /// The longest line, in bytes without its line break. A longer line fails the replay once this many bytes are
    /// read, without buffering the rest, so memory stays bounded.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int MaxLineBytes
    {
        get => _maxLineBytes;
        init => _maxLineBytes = value >= 1 && value < int.MaxValue - 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "MaxLineBytes must be at least 1.");
    }

    /// <summary>The limits each line is read under (nesting depth).</summary>
    public EventJsonReaderOptions Reader { get; init; } = EventJsonReaderOptions.Default;

    /// <summary>
    /// Whether the log may be truncated although its name does not say so (an in-progress name, or a rolled log's
    /// missing or in-progress <c>appstatus</c> marker, says so): then a malformed last line is skipped, not an error.
    /// </summary>
    public bool MayBeTruncated { get; init; }

    /// <summary>Where unrecognised names (once each) and a skipped last line are logged; <see langword="null"/> for nowhere.</summary>
    public ILoggerFactory? LoggerFactory { get; init; }
}
