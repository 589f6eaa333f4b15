using System;
using Microsoft.Extensions.Logging;

namespace GeneratedBus.Redis.Hosting;

/// <summary>What the hosted publisher and subscriber log, under <see cref="Category"/>; IDs apart from the subscriber's own (101 to 103).</summary>
internal static class RedisHostingLog
{
    /// <summary>The category of the hosted bridge's logger.</summary>
    public const string Category = "GeneratedBus.Redis.Hosting";

    private static readonly Action<ILogger, string, string, string, Exception?> s_publisherStopped = LoggerMessage.Define<string, string, string>(
        LogLevel.Information, new EventId(201, "RedisPublisherStopped"), "Redis publisher {Producer} on stream {Stream} stopped: {Balance}");

    private static readonly Action<ILogger, string, string, string, Exception?> s_publisherUnbalanced = LoggerMessage.Define<string, string, string>(
        LogLevel.Error, new EventId(202, "RedisPublisherUnbalanced"), "Redis publisher {Producer} on stream {Stream} does not balance: {Balance}");

    private static readonly Action<ILogger, string, string, string, Exception?> s_subscriberStarted = LoggerMessage.Define<string, string, string>(
        LogLevel.Information, new EventId(203, "RedisSubscriberStarted"), "Redis subscriber {Group}/{Consumer} reads stream {Stream}");

    private static readonly Action<ILogger, string, string, TimeSpan, Exception?> s_subscriberStartFailed = LoggerMessage.Define<string, string, TimeSpan>(
        LogLevel.Warning, new EventId(204, "RedisSubscriberStartFailed"), "Redis subscriber {Group}/{Consumer} cannot start (Redis unreachable); retrying in {Delay}");

    private static readonly Action<ILogger, string, string, string, Exception?> s_subscriberStopped = LoggerMessage.Define<string, string, string>(
        LogLevel.Information, new EventId(205, "RedisSubscriberStopped"), "Redis subscriber {Group}/{Consumer} stopped: {Stats}");

    public static void PublisherStopped(this ILogger logger, string producer, string stream, string balance) => s_publisherStopped(logger, producer, stream, balance, null);

    public static void PublisherUnbalanced(this ILogger logger, string producer, string stream, string balance) => s_publisherUnbalanced(logger, producer, stream, balance, null);

    public static void SubscriberStarted(this ILogger logger, string group, string consumer, string stream) => s_subscriberStarted(logger, group, consumer, stream, null);

    public static void SubscriberStartFailed(this ILogger logger, string group, string consumer, TimeSpan delay, Exception exception) => s_subscriberStartFailed(logger, group, consumer, delay, exception);

    public static void SubscriberStopped(this ILogger logger, string group, string consumer, string stats) => s_subscriberStopped(logger, group, consumer, stats, null);
}
