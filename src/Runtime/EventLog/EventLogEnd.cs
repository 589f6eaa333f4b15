namespace GeneratedBus.EventLog;

/// <summary>
/// The last line the writer writes when it closes, <c>{"Event":"GeneratedBus.LogEnd",...}</c>: what the log is
/// missing. Spark's logs cannot tell a reader that events are missing; these can.
/// </summary>
/// <param name="EventsWritten">Events the writer wrote.</param>
/// <param name="EventsDropped">
/// Events the writer's queue dropped, so never reached it; <see langword="null"/> when the writer was disposed without
/// being told (<see cref="Writing.EventLogWriter{TEvent}.Close(long)"/> tells it).
/// </param>
/// <param name="WriteFailures">Events the writer received but could not write.</param>
public sealed record EventLogEnd(long EventsWritten, long? EventsDropped, long WriteFailures)
{
    /// <summary>Whether the log is known to hold every event: nothing dropped, nothing failed.</summary>
    public bool IsComplete => EventsDropped == 0 && WriteFailures == 0;
}
