namespace GeneratedBus.EventLog.Writing;

/// <summary>A snapshot of an event-log writer's counters.</summary>
/// <param name="EventsWritten">Events whose lines reached the file (or its compressor).</param>
/// <param name="EventsSkipped">Events left out by <see cref="EventLogWriterOptions{TEvent}.Include"/>.</param>
/// <param name="BytesWritten">Bytes of JSON lines (before compression) that reached the file, the writer's own records included.</param>
/// <param name="WriteFailures">Events the writer received but could not write: the codec refused them, or the file failed.</param>
public sealed record EventLogWriterStats(long EventsWritten, long EventsSkipped, long BytesWritten, long WriteFailures);
