namespace GeneratedBus;

/// <summary>What <c>Post</c> does with an event for a queue that is full: set per bus with
/// <see cref="BusOptions.QueueFullMode"/> and per queue with <see cref="BusOptions.QueueFullModes"/>.</summary>
public enum QueueFullMode
{
    /// <summary>
    /// Drop the event for that queue only and count it in <see cref="QueueStats.Dropped"/>; <c>Post</c> never blocks.
    /// Spark's behaviour and the default: a slow listener costs its own queue events, never the producer time.
    /// </summary>
    DropWrite = 0,

    /// <summary>
    /// Make the producer wait until the queue has room: <c>Post</c> blocks the posting thread, <c>PostAsync</c> waits
    /// asynchronously. For queues that must not lose events. A post from a dispatch thread never waits: if the queue
    /// is full, the event is dropped and counted there, so a listener cannot deadlock the bus. <c>Stop</c> releases
    /// every waiting producer, dropping and counting the events they still waited to place.
    /// </summary>
    Wait = 1,
}
