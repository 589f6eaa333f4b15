using System;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GeneratedBus;

/// <summary>
/// What a bus and its queues share, read once from validated <see cref="BusOptions"/>: name, logger, clock and
/// timer settings. Later changes to the options object do not affect a bus already built.
/// </summary>
internal sealed class BusContext
{
    private readonly TimeProvider _time;

    // TimeProvider.System reads Stopwatch; calling it directly saves a virtual call per listener call.
    private readonly bool _useStopwatch;

    public BusContext(BusOptions options, string defaultName, string category)
    {
        QueueCapacity = options.QueueCapacity;
        ExitTimeout = options.ExitTimeout;
        DropReportInterval = options.DropReportInterval;
        StartBufferCapacity = options.StartBufferCapacity;
        Name = options.Name ?? defaultName;
        // The bus's name ends the category, so every entry says which bus wrote it, and a filter on the category
        // alone (a prefix) still covers every bus.
        Logger = options.LoggerFactory?.CreateLogger($"{category}.{Name}") ?? NullLogger.Instance;
        _time = options.TimeProvider;
        _useStopwatch = ReferenceEquals(_time, TimeProvider.System);
        Frequency = _time.TimestampFrequency;
        Timed = options.ListenerTimers;
        SlowThreshold = options.SlowEventThreshold;
        SlowTicks = SlowThreshold == System.Threading.Timeout.InfiniteTimeSpan
            ? long.MaxValue
            : (long)((Int128)SlowThreshold.Ticks * Frequency / TimeSpan.TicksPerSecond);
        MaxTimedListenerTypes = options.MaxTimedListenerTypes;
        FullModes = new QueueFullModeMap(options);
    }

    /// <summary>Writes the log entries of threads that must not wait for a logger (see <see cref="GeneratedBus.LogPump"/>).</summary>
    public LogPump LogPump { get; } = new();

    /// <summary>A live bus's posts: counted per thread, and those under way, which Stop waits for.</summary>
    public PostsUnderWay Posts { get; } = new();

    /// <summary>What each queue does when full (back-pressure), by queue name.</summary>
    public QueueFullModeMap FullModes { get; }

    public int QueueCapacity { get; }

    public TimeSpan ExitTimeout { get; }

    public TimeSpan DropReportInterval { get; }

    public int? StartBufferCapacity { get; }

    public string Name { get; }

    public ILogger Logger { get; }

    public TimeProvider TimeProvider => _time;

    public long Frequency { get; }

    public bool Timed { get; }

    public TimeSpan SlowThreshold { get; }

    /// <summary>The slow-event threshold in clock ticks; <see cref="long.MaxValue"/> when infinite.</summary>
    public long SlowTicks { get; }

    public int MaxTimedListenerTypes { get; }

    /// <summary>
    /// Starts a queue's dispatch thread: <see cref="System.Threading.Thread.Start()"/>. A test seam: a test makes it
    /// throw, as <c>Thread.Start</c> does when no thread can be created (an address-space or pid limit), which a test
    /// host cannot reach reliably.
    /// </summary>
    public Action<System.Threading.Thread> StartThread { get; set; } = static thread => thread.Start();

    public long Now() => _useStopwatch ? Stopwatch.GetTimestamp() : _time.GetTimestamp();

    public double ToSeconds(long ticks) => (double)ticks / Frequency;
}
