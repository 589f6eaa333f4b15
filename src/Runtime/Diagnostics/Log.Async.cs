using System;
using Microsoft.Extensions.Logging;

namespace GeneratedBus;

/// <summary>The messages of async listeners.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 20, EventName = "StopTokenCallbackFailed", Level = LogLevel.Error,
        Message = "A callback registered on the stop token of queue {Queue} of bus {Bus} threw when the bus gave up waiting for the queue and cancelled it.")]
    public static partial void StopTokenCallbackFailed(this ILogger logger, Exception exception, string queue, string bus);
}
