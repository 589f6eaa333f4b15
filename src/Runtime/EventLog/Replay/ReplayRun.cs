using System;
using System.Collections.Generic;
using System.IO;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GeneratedBus.EventLog.Replay;

/// <summary>One replay's reading of lines and its counts, shared by the synchronous and asynchronous loops.</summary>
internal sealed class ReplayRun<TEvent>(IEventJsonCodec<TEvent> codec, EventLogReplayOptions options, IReadOnlyList<string> files, bool mayBeTruncated)
{
    private readonly ILogger _logger = options.LoggerFactory?.CreateLogger(Log.EventLogReplayCategory) ?? NullLogger.Instance;
    private readonly Dictionary<string, long> _unrecognised = new(StringComparer.Ordinal);
    private long _lines;
    private long _events;
    private long _malformed;
    private EventLogStart? _start;
    private EventLogEnd? _end;

    public IReadOnlyList<string> Files => files;

    /// <summary>
    /// Reads one line. Returns true with an event to post; false with <paramref name="malformed"/> set for a bad line,
    /// or unset for a line that is counted but not posted (an unrecognised name, the writer's own records).
    /// </summary>
    public bool Read(ReadOnlySpan<byte> line, string file, long lineNumber, out TEvent? @event, out string? malformed)
    {
        _lines++;
        @event = default;
        malformed = null;
        if (line.StartsWith(EventLogFormat.LogStartPrefix) || line.StartsWith(EventLogFormat.LogEndPrefix))
        {
            malformed = ReadRecord(line);
            return false;
        }

        EventReadResult<TEvent> result = codec.Read(line, options.Reader);
        switch (result.Status)
        {
            case EventReadStatus.Ok:
                _events++;
                @event = result.Event;
                return true;
            case EventReadStatus.Unrecognised:
                Unrecognised(result.Name!, file, lineNumber);
                return false;
            default:
                malformed = result.Reason;
                return false;
        }
    }

    /// <summary>A malformed line: skipped when it is the last of a log that may be truncated, else the replay's end.</summary>
    /// <exception cref="EventLogFormatException">The line may not be skipped.</exception>
    public void Malformed(string file, long lineNumber, string reason, bool isLastLine)
    {
        if (!(isLastLine && mayBeTruncated))
        {
            throw new EventLogFormatException(file, lineNumber, reason);
        }

        _malformed++;
        Log.Safely(() => _logger.EventLogTruncatedLastLine(file, lineNumber, reason));
    }

    /// <summary>Corrupt compressed data, as a line error at the line it stopped.</summary>
    public static EventLogFormatException Corrupt(string file, long lineNumber, InvalidDataException exception)
        => new(file, lineNumber, "the compressed data is corrupt: " + exception.Message);

    public EventLogSummary Summary()
        => new(files, _lines, _events, _unrecognised, _malformed, mayBeTruncated, _start, _end);

    private string? ReadRecord(ReadOnlySpan<byte> line)
    {
        try
        {
            if (line.StartsWith(EventLogFormat.LogStartPrefix))
            {
                _start ??= EventLogFormat.ReadStart(line, options.Reader);
            }
            else
            {
                _end = EventLogFormat.ReadEnd(line, options.Reader);
            }

            return null;
        }
        catch (Exception exception) when (EventJson.IsDataError(exception))
        {
            return EventJson.Describe(exception);
        }
    }

    private void Unrecognised(string name, string file, long lineNumber)
    {
        if (_unrecognised.TryGetValue(name, out long count))
        {
            _unrecognised[name] = count + 1;
            return;
        }

        // A hostile log could name millions of types: past the cap, new names share one count.
        if (_unrecognised.Count >= EventLogReplayOptions.MaxDistinctUnrecognisedNames)
        {
            _unrecognised[EventLogSummary.OtherNames] = _unrecognised.GetValueOrDefault(EventLogSummary.OtherNames) + 1;
            return;
        }

        _unrecognised[name] = 1;
        Log.Safely(() => _logger.EventLogUnrecognisedEvent(file, name, lineNumber));
    }
}
