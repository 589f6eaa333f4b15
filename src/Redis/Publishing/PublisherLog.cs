using System;
using Microsoft.Extensions.Logging;

namespace GeneratedBus.Redis.Publishing;

/// <summary>The publisher's log messages, defined once (no boxing, no parsing per call).</summary>
internal static class PublisherLog
{
    private static readonly Action<ILogger, string, string, Exception?> s_failed = LoggerMessage.Define<string, string>(
        LogLevel.Error, new EventId(111, "RedisPublisherFailed"),
        "Producer {Producer}, stream {Stream}: the background flush stopped on an error that is not an outage; its batch stays counted as waiting, and the next call that settles it retries or throws");

    private static readonly Action<ILogger, string, string, long, long, Exception?> s_gaveUp = LoggerMessage.Define<string, string, long, long>(
        LogLevel.Warning, new EventId(112, "RedisPublisherGaveUp"),
        "Producer {Producer}, stream {Stream}: Dispose gave up on Redis; {Unconfirmed} events were sent but never answered (unconfirmed: the stream may hold them), {Abandoned} were never sent or refused (abandoned)");

    public static void GaveUp(ILogger? logger, string producer, string stream, long unconfirmed, long abandoned)
    {
        if (logger is not null) s_gaveUp(logger, producer, stream, unconfirmed, abandoned, null);
    }

    public static void Failed(ILogger? logger, string producer, string stream, Exception exception)
    {
        if (logger is not null) s_failed(logger, producer, stream, exception);
    }
}
