using System;
using Microsoft.Extensions.Logging;

namespace GeneratedBus;

/// <summary>Every message the runtime logs, source-generated; event IDs are stable (users filter on them).</summary>
internal static partial class Log
{
    /// <summary>The category of <see cref="LiveListenerBus{TListener, TEvent}"/> loggers, followed by <c>.</c> and the bus name.</summary>
    public const string LiveBusCategory = "GeneratedBus.LiveListenerBus";

    /// <summary>The category of <see cref="ListenerBus{TListener, TEvent}"/> loggers, followed by <c>.</c> and the bus name.</summary>
    public const string SyncBusCategory = "GeneratedBus.ListenerBus";

    /// <summary>
    /// Runs a log call where a throwing logger (or a pending interrupt a listener left, surfacing in a logger's
    /// lock) must not escape: on a dispatch thread it would end the queue with nobody told, in the drop-report timer
    /// it would crash the process, and Post (for a drop) and Dispose must not throw. Only for rare paths (failures,
    /// slow calls, drops, shutdown): the lambda allocates.
    /// </summary>
    public static void Safely(Action log)
    {
        try
        {
            log();
        }
        catch (Exception)
        {
            // Nothing to report to: the logger is what failed.
        }
    }

    [LoggerMessage(EventId = 1, EventName = "ListenerFailed", Level = LogLevel.Error,
        Message = "Listener {ListenerType} threw while handling {EventType} on {Where}.")]
    public static partial void ListenerFailed(this ILogger logger, Exception exception, string listenerType, string eventType, string where);

    [LoggerMessage(EventId = 2, EventName = "ListenerInterrupted", Level = LogLevel.Error,
        Message = "Listener {ListenerType} was interrupted (ThreadInterruptedException) while handling {EventType} on {Where}; it is removed from the bus.")]
    public static partial void ListenerInterrupted(this ILogger logger, Exception exception, string listenerType, string eventType, string where);

    [LoggerMessage(EventId = 3, EventName = "SlowListener", Level = LogLevel.Warning,
        Message = "Listener {ListenerType} took {ElapsedMs} ms to handle {EventType} on {Where}, more than the {ThresholdMs} ms SlowEventThreshold.")]
    public static partial void SlowListener(this ILogger logger, string listenerType, double elapsedMs, string eventType, string where, double thresholdMs);

    [LoggerMessage(EventId = 11, EventName = "SlowUntimedCalls", Level = LogLevel.Warning,
        Message = "{Events} untimed events on {Where} took {ElapsedMs} ms in all to deliver to {Listeners}, more than the {ThresholdMs} ms SlowEventThreshold: one call was slow, or several add up. The queue goes back to timing every event, and samples again only while deliveries stay under 1 µs.")]
    public static partial void SlowUntimedCalls(this ILogger logger, double elapsedMs, int events, string where, double thresholdMs, string listeners);

    [LoggerMessage(EventId = 4, EventName = "FirstDrop", Level = LogLevel.Error,
        Message = "Dropping event from queue {Queue} of bus {Bus}: the queue is full (capacity {Capacity}). This likely means one of the listeners on it is too slow and cannot keep up. Raise the queue's capacity (BusOptions.QueueCapacities) or move the slow listener to its own queue. Further drops are summarised every DropReportInterval.")]
    public static partial void FirstDrop(this ILogger logger, string queue, string bus, int capacity);

    [LoggerMessage(EventId = 5, EventName = "DropSummary", Level = LogLevel.Warning,
        Message = "Dropped {Count} events from queue {Queue} of bus {Bus} since {Since:O}.")]
    public static partial void DropSummary(this ILogger logger, long count, string queue, string bus, DateTimeOffset since);

    [LoggerMessage(EventId = 6, EventName = "StartBufferFull", Level = LogLevel.Error,
        Message = "Bus {Bus} was not started and its start buffer is full ({Capacity} events); further events posted before Start are dropped and counted in BusStats.StartBufferDropped. Start the bus earlier or raise BusOptions.StartBufferCapacity.")]
    public static partial void StartBufferFull(this ILogger logger, string bus, int capacity);

    [LoggerMessage(EventId = 7, EventName = "ExitTimeout", Level = LogLevel.Warning,
        Message = "Queue {Queue} of bus {Bus} did not drain within ExitTimeout {Timeout}; {Remaining} events are left. They count as Size/in-flight until its listener returns, then as Dropped.")]
    public static partial void ExitTimeout(this ILogger logger, string queue, string bus, TimeSpan timeout, long remaining);

    [LoggerMessage(EventId = 8, EventName = "AbandonedEventsDropped", Level = LogLevel.Warning,
        Message = "Queue {Queue} of bus {Bus} was abandoned at shutdown; {Count} events it still held are counted as dropped.")]
    public static partial void AbandonedEventsDropped(this ILogger logger, string queue, string bus, long count);

    [LoggerMessage(EventId = 9, EventName = "QueueRetired", Level = LogLevel.Information,
        Message = "Queue {Queue} of bus {Bus} has no listeners left and is stopped.")]
    public static partial void QueueRetired(this ILogger logger, string queue, string bus);

    [LoggerMessage(EventId = 10, EventName = "DisposeOnDispatchThread", Level = LogLevel.Warning,
        Message = "Bus {Bus} was disposed from one of its own dispatch threads; it stops taking events, but its queues are not joined.")]
    public static partial void DisposeOnDispatchThread(this ILogger logger, string bus);

    [LoggerMessage(EventId = 12, EventName = "DispatchThreadPostDropped", Level = LogLevel.Error,
        Message = "A listener on dispatch thread {Thread} posted to queue {Queue} of bus {Bus} while it was full (capacity {Capacity}). The queue is a Wait queue, but a dispatch thread never waits, since that could deadlock the bus: the event is dropped and counted. Further such drops on this queue are counted, not logged. Post from outside the listener (another thread, or a task that calls PostAsync), or raise the queue's capacity (BusOptions.QueueCapacities).")]
    public static partial void DispatchThreadPostDropped(this ILogger logger, string thread, string queue, string bus, int capacity);

    [LoggerMessage(EventId = 13, EventName = "WaitingProducersReleased", Level = LogLevel.Warning,
        Message = "Stop released {Count} producers waiting for room in queue {Queue} of bus {Bus}; their events are dropped and counted.")]
    public static partial void WaitingProducersReleased(this ILogger logger, long count, string queue, string bus);

    [LoggerMessage(EventId = 14, EventName = "StartBufferDiscarded", Level = LogLevel.Warning,
        Message = "Bus {Bus} was disposed before Start with {Count} events posted; they are never delivered and are counted as dropped on each of its {Queues} queues.")]
    public static partial void StartBufferDiscarded(this ILogger logger, string bus, int count, int queues);

    [LoggerMessage(EventId = 16, EventName = "UnmatchedQueueSettings", Level = LogLevel.Warning,
        Message = "Bus {Bus}: BusOptions.{Option} names {Queues}, but the bus has no queue of that name {When}; the setting is unused. Check the spelling against the names given to AddToQueue.")]
    public static partial void UnmatchedQueueSettings(this ILogger logger, string bus, string option, string queues, string when);

    [LoggerMessage(EventId = 17, EventName = "EventsLostAtExit", Level = LogLevel.Error,
        Message = "The process is exiting while bus {Bus} still holds {Count} undelivered events ({State}); they are lost. Its dispatch threads are background threads and end with the process. Call Stop (or dispose the bus) before Main returns.")]
    public static partial void EventsLostAtExit(this ILogger logger, string bus, long count, string state);

    [LoggerMessage(EventId = 18, EventName = "UnreachableBusLostEvents", Level = LogLevel.Error,
        Message = "Bus {Bus} was never started nor disposed, and was garbage-collected holding {Count} buffered events; they are lost. Start the bus, or dispose it when done.")]
    public static partial void UnreachableBusLostEvents(this ILogger logger, string bus, long count);

    [LoggerMessage(EventId = 19, EventName = "ListenerFailureSummary", Level = LogLevel.Warning,
        Message = "Listener {ListenerType} threw {ExceptionType} {Count} more times on {Where} since {Since:O}; the first was logged in full (ListenerFailed).")]
    public static partial void ListenerFailureSummary(this ILogger logger, string listenerType, string exceptionType, long count, string where, DateTimeOffset since);

    [LoggerMessage(EventId = 15, EventName = "StopCancelled", Level = LogLevel.Warning,
        Message = "Stop of bus {Bus} was cancelled (the host's shutdown timeout, or the caller's token) while queue {Queue} still had {Remaining} events; they count as Size/in-flight until its listener returns, then as Dropped.")]
    public static partial void StopCancelled(this ILogger logger, string queue, string bus, long remaining);
}
