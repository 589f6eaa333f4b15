using System;
using Microsoft.Extensions.Logging;

namespace GeneratedBus;

/// <summary>The event-log writer's and replay's messages (event IDs 30-39).</summary>
internal static partial class Log
{
    /// <summary>The category of the event-log writer's logger.</summary>
    public const string EventLogWriterCategory = "GeneratedBus.EventLog.EventLogWriter";

    /// <summary>The category of replay's logger.</summary>
    public const string EventLogReplayCategory = "GeneratedBus.EventLog.EventLogReplay";

    [LoggerMessage(EventId = 30, EventName = "EventLogWriteFailed", Level = LogLevel.Error,
        Message = "The event log {Path} could not write {Events} event(s) ({EventType}); they are counted in WriteFailures and the closing record. Further failures are counted, and summarised when the log closes.")]
    public static partial void EventLogWriteFailed(this ILogger logger, Exception exception, string path, long events, string eventType);

    [LoggerMessage(EventId = 31, EventName = "EventLogClosedWithFailures", Level = LogLevel.Error,
        Message = "The event log {Path} closed with {Failures} event(s) it could not write and {Dropped} its queue dropped.")]
    public static partial void EventLogClosedWithFailures(this ILogger logger, string path, long failures, long? dropped);

    [LoggerMessage(EventId = 32, EventName = "EventLogUnrecognisedEvent", Level = LogLevel.Information,
        Message = "The event log {Path} has events named \"{Name}\" (first at line {Line}), which the bus does not know; they are counted and skipped. Logged once per name.")]
    public static partial void EventLogUnrecognisedEvent(this ILogger logger, string path, string name, long line);

    [LoggerMessage(EventId = 33, EventName = "EventLogTruncatedLastLine", Level = LogLevel.Warning,
        Message = "The last line ({Line}) of the event log {Path} is malformed ({Reason}); the log may be truncated (it is in progress, or MayBeTruncated is set), so the line is skipped.")]
    public static partial void EventLogTruncatedLastLine(this ILogger logger, string path, long line, string reason);
}
