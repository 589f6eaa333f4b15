using System;
using Microsoft.Extensions.Logging;

namespace GeneratedBus.Redis.Subscribing;

/// <summary>The subscriber's log messages, defined once (no boxing, no parsing per call).</summary>
internal static class SubscriberLog
{
    private static readonly Action<ILogger, string, string, long, long, Exception?> s_gap = LoggerMessage.Define<string, string, long, long>(
        LogLevel.Warning, new EventId(101, "RedisSequenceGap"),
        "Group {Group}: producer {Producer} jumped from sequence {Last} to {Sequence} (in a shared group the rest went to other consumers)");

    private static readonly Action<ILogger, string, string, string, Exception?> s_undecodable = LoggerMessage.Define<string, string, string>(
        LogLevel.Error, new EventId(102, "RedisEntryUndecodable"),
        "Group {Group}: entry {EntryId} cannot be read ({Reason}); it is acknowledged and counted, not delivered");

    private static readonly Action<ILogger, string, Exception?> s_unreachable = LoggerMessage.Define<string>(
        LogLevel.Warning, new EventId(103, "RedisUnreachable"), "Group {Group}: Redis is unreachable; retrying with back-off");

    private static readonly Action<ILogger, string, string, Exception?> s_failed = LoggerMessage.Define<string, string>(
        LogLevel.Error, new EventId(104, "RedisSubscriberFailed"),
        "Group {Group}, consumer {Consumer}: reading stopped on an error that is not an outage; its pending entries stay in the group for a restart or another consumer");

    public static void Failed(ILogger? logger, string group, string consumer, Exception exception)
    {
        if (logger is not null) s_failed(logger, group, consumer, exception);
    }

    public static void Gap(ILogger? logger, string group, string producer, long last, long sequence)
    {
        if (logger is not null) s_gap(logger, group, producer, last, sequence, null);
    }

    public static void Undecodable(ILogger? logger, string group, string entryId, string reason)
    {
        if (logger is not null) s_undecodable(logger, group, entryId, reason, null);
    }

    public static void Unreachable(ILogger? logger, string group, Exception exception)
    {
        if (logger is not null) s_unreachable(logger, group, exception);
    }
}
