using System;
using Microsoft.Extensions.Logging;

namespace GeneratedBus.Redis.Publishing;

/// <summary>The publisher's log messages, defined once (no boxing, no parsing per call).</summary>
internal static class PublisherLog
{
    private static readonly Action<ILogger, string, string, Exception?> s_failed = LoggerMessage.Define<string, string>(
        LogLevel.Error, new EventId(111, "RedisPublisherFailed"),
        "Producer {Producer}, stream {Stream}: the background flush stopped on an error that is not an outage; its batch stays counted as waiting, and the next call that settles it retries or throws");

    public static void Failed(ILogger? logger, string producer, string stream, Exception exception)
    {
        if (logger is not null) s_failed(logger, producer, stream, exception);
    }
}
