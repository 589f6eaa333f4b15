using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.Extensions.Logging;

namespace GeneratedBus;

/// <summary>Settings of a <see cref="LiveListenerBus{TListener, TEvent}"/> and its queues.</summary>
public class BusOptions
{
    /// <summary>The largest <see cref="QueueCapacity"/> (and per-queue capacity) a bus accepts.</summary>
    public const int MaxQueueCapacity = BoundedRing<object>.MaxCapacity;

    /// <summary>Waiting events a queue holds before it drops; exact, not rounded. Default 10 000.</summary>
    public int QueueCapacity { get; set; } = 10_000;

    /// <summary>Per-queue capacity overrides by queue name; a queue not named here gets <see cref="QueueCapacity"/>.</summary>
    public IDictionary<string, int> QueueCapacities { get; } = new Dictionary<string, int>(StringComparer.Ordinal);

    /// <summary>
    /// What every queue does when full, unless <see cref="QueueFullModes"/> names it. Default
    /// <see cref="GeneratedBus.QueueFullMode.DropWrite"/>: drop and count, never block (Spark's behaviour).
    /// </summary>
    public QueueFullMode QueueFullMode { get; set; } = QueueFullMode.DropWrite;

    /// <summary>Per-queue overrides of <see cref="QueueFullMode"/> by queue name.</summary>
    public IDictionary<string, QueueFullMode> QueueFullModes { get; } = new Dictionary<string, QueueFullMode>(StringComparer.Ordinal);

    /// <summary>
    /// How long <c>Stop</c> waits for each queue to drain and its thread to end. Default <see cref="Timeout.InfiniteTimeSpan"/>.
    /// </summary>
    public TimeSpan ExitTimeout { get; set; } = Timeout.InfiniteTimeSpan;

    /// <summary>The least time between two "dropped N events" summaries of one queue. Default 60 s.</summary>
    public TimeSpan DropReportInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// A listener call that takes longer than this is logged with its listener and event type (or, among events a
    /// queue did not time, with the listener types of the queue). Default 1 s.
    /// </summary>
    public TimeSpan SlowEventThreshold { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How many listener types each queue keeps a timer of their own for; further types share one timer, reported
    /// under the listener interface type, so their calls and failures are still counted. Default 128.
    /// </summary>
    public int MaxTimedListenerTypes { get; set; } = 128;

    /// <summary>Whether listener calls are timed (events, total and max time per listener type). Default on.</summary>
    public bool ListenerTimers { get; set; } = true;

    /// <summary>
    /// Events held before <c>Start</c>; further ones are counted as dropped. Default <see langword="null"/>:
    /// the largest queue capacity.
    /// </summary>
    public int? StartBufferCapacity { get; set; }

    /// <summary>The bus name used in logs and as the <c>bus</c> metric tag; default the bus's type name.</summary>
    public string? Name { get; set; }

    /// <summary>Where the bus logs; <see langword="null"/> logs nothing.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>The clock for timers, slow-event detection and drop reports. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
