using System;
using Microsoft.Extensions.Logging;

namespace GeneratedBus;

/// <summary>
/// The event loop's log messages. They stay beside the loop so the loop owns its event ids (4001-4099).
/// </summary>
internal static partial class EventLoopLog
{
    /// <summary>The logger category every event loop writes under.</summary>
    internal const string Category = "GeneratedBus.EventLoop";

    [LoggerMessage(
        EventId = 4001,
        EventName = "EventLoopOnErrorFailed",
        Level = LogLevel.Error,
        Message = "Event loop '{LoopName}': OnError threw while handling a failure of OnReceive; the loop goes on with the next event.")]
    internal static partial void OnErrorFailed(ILogger logger, string loopName, Exception exception);

    [LoggerMessage(
        EventId = 4002,
        EventName = "EventLoopDiscardedOnStop",
        Level = LogLevel.Warning,
        Message = "Event loop '{LoopName}' was stopped {Where} with {Discarded} accepted events not yet received; they are discarded and will not be delivered.")]
    internal static partial void DiscardedOnStop(ILogger logger, string loopName, string where, long discarded);
}
