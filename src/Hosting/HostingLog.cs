using Microsoft.Extensions.Logging;

namespace GeneratedBus.Hosting;

/// <summary>What the hosting package logs, source-generated; event IDs are stable and apart from the runtime's.</summary>
internal static partial class HostingLog
{
    /// <summary>The category of the hosted service's logger.</summary>
    public const string Category = "GeneratedBus.Hosting";

    [LoggerMessage(EventId = 101, EventName = "BusStarted", Level = LogLevel.Information,
        Message = "Bus {Bus} started with the host; queues: {Queues}.")]
    public static partial void BusStarted(this ILogger logger, string bus, string queues);

    [LoggerMessage(EventId = 102, EventName = "BusStopped", Level = LogLevel.Information,
        Message = "Bus {Bus} stopped with the host: {Posted} events posted; over its queues {Processed} processed and {Dropped} dropped.")]
    public static partial void BusStopped(this ILogger logger, string bus, long posted, long processed, long dropped);

    [LoggerMessage(EventId = 103, EventName = "EventsAbandoned", Level = LogLevel.Warning,
        Message = "Bus {Bus} stopped before its queues drained (ExitTimeout or the host's shutdown timeout): {Count} events abandoned ({Queues}); each is counted as dropped once its queue's listener returns.")]
    public static partial void EventsAbandoned(this ILogger logger, string bus, long count, string queues);

    [LoggerMessage(EventId = 104, EventName = "CompanionStopFailed", Level = LogLevel.Error,
        Message = "Bus {Bus}: companion {Companion} failed to stop; the other companions were still stopped.")]
    public static partial void CompanionStopFailed(this ILogger logger, string bus, string companion, System.Exception exception);
}
