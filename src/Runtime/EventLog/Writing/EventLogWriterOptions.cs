using System;
using System.IO.Compression;
using Microsoft.Extensions.Logging;

namespace GeneratedBus.EventLog.Writing;

/// <summary>How an <see cref="EventLogWriter{TEvent}"/> writes.</summary>
/// <typeparam name="TEvent">The bus's event root.</typeparam>
public sealed class EventLogWriterOptions<TEvent>
{
    /// <summary>The bus's name, written in the log-start record.</summary>
    public required string BusName { get; init; }

    /// <summary>
    /// Which events are written; <see langword="null"/> for all. Others are counted in
    /// <see cref="EventLogWriterStats.EventsSkipped"/>.
    /// </summary>
    public Func<TEvent, bool>? Include { get; init; }

    /// <summary>
    /// Events after which the file is flushed, as Spark flushes on job, stage and lifecycle events; <see langword="null"/> for none.
    /// </summary>
    public Func<TEvent, bool>? FlushOn { get; init; }

    /// <summary>How often buffered lines are flushed to the file; <see langword="null"/> (the default) for only when the buffer fills, on <see cref="FlushOn"/> events and on close.</summary>
    public TimeSpan? FlushInterval { get; init; }

    /// <summary>Compression; <see cref="EventLogCompression.None"/> by default.</summary>
    public EventLogCompression Compression { get; init; }

    /// <summary>The compression level when <see cref="Compression"/> is set; <see cref="System.IO.Compression.CompressionLevel.Fastest"/> by default.</summary>
    public CompressionLevel CompressionLevel { get; init; } = CompressionLevel.Fastest;

    /// <summary>
    /// When set, the log's path is a directory of numbered parts (<c>events_1.jsonl</c>, ...), Spark's <c>eventlog_v2</c>
    /// spirit, and a new part starts once a part holds this many bytes of lines (before compression).
    /// </summary>
    public long? RollAtBytes { get; init; }

    /// <summary>Whether an existing log of the same name is replaced; otherwise the writer refuses to start.</summary>
    public bool Overwrite { get; init; }

    /// <summary>The clock of the interval flush; <see cref="TimeProvider.System"/> by default.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Where write failures are logged; <see langword="null"/> for nowhere (they are still counted).</summary>
    public ILoggerFactory? LoggerFactory { get; init; }

    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrEmpty(BusName, nameof(BusName));
        if (FlushInterval is { } interval && interval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(FlushInterval), interval, "FlushInterval must be positive.");
        }

        if (RollAtBytes is { } roll && roll < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(RollAtBytes), roll, "RollAtBytes must be positive.");
        }

        ArgumentNullException.ThrowIfNull(TimeProvider, nameof(TimeProvider));
    }
}
