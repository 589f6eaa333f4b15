using Microsoft.Extensions.Logging;

namespace ShopWorker.Reporting;

/// <summary>What the worker logs, source-generated; event IDs are stable and apart from the bus's and the hosting package's.</summary>
internal static partial class WorkerLog
{
    [LoggerMessage(EventId = 201, EventName = "StoreOpened", Level = LogLevel.Information,
        Message = "Writing shop events to {Path} as run {Run}.")]
    public static partial void StoreOpened(this ILogger logger, string path, long run);

    [LoggerMessage(EventId = 202, EventName = "FeedStopped", Level = LogLevel.Information,
        Message = "Feed stopped after {Orders} orders; {Queued} events still queued, to be drained.")]
    public static partial void FeedStopped(this ILogger logger, long orders, long queued);

    [LoggerMessage(EventId = 203, EventName = "Drained", Level = LogLevel.Information,
        Message = "Drained: queue {Queue} posted {Posted}, processed {Processed}, dropped {Dropped}; SQLite run {Run} holds {Rows} rows. Balanced.")]
    public static partial void Drained(this ILogger logger, string queue, long posted, long processed, long dropped, long run, long rows);

    [LoggerMessage(EventId = 204, EventName = "DrainUnbalanced", Level = LogLevel.Error,
        Message = "Drained: queue {Queue} posted {Posted}, processed {Processed}, dropped {Dropped}; SQLite run {Run} holds {Rows} rows. NOT balanced: rows must equal processed, and posted must equal processed + dropped.")]
    public static partial void DrainUnbalanced(this ILogger logger, string queue, long posted, long processed, long dropped, long run, long rows);
}
