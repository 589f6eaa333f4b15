using System;
using System.Collections.Generic;

namespace GeneratedBus.Hosting;

/// <summary>
/// The configuration section of one bus: the settings of <see cref="BusOptions"/>, without its services
/// (<see cref="BusOptions.LoggerFactory"/>, <see cref="BusOptions.TimeProvider"/>), which come from DI. Only settings,
/// so the configuration-binding source generator binds it without reflection (no SYSLIB1100/1101), and every value is
/// optional: what the section leaves out keeps its <see cref="BusOptions"/> default.
/// </summary>
/// <remarks>
/// The per-queue shape mirrors Spark's <c>spark.scheduler.listenerbus.eventqueue.&lt;name&gt;.capacity</c>:
/// <c>Queues:&lt;name&gt;:Capacity</c> and <c>Queues:&lt;name&gt;:FullMode</c>.
/// </remarks>
internal sealed class BusSettings
{
    public int? QueueCapacity { get; set; }

    public QueueFullMode? QueueFullMode { get; set; }

    public Dictionary<string, QueueSettings> Queues { get; set; } = new(StringComparer.Ordinal);

    public TimeSpan? ExitTimeout { get; set; }

    public TimeSpan? DropReportInterval { get; set; }

    public TimeSpan? SlowEventThreshold { get; set; }

    public int? MaxTimedListenerTypes { get; set; }

    public bool? ListenerTimers { get; set; }

    public int? StartBufferCapacity { get; set; }

    public string? Name { get; set; }

    /// <summary>The names of the listeners registered with <c>AddNamedListener</c> to switch on: Spark's <c>extraListeners</c>.</summary>
    public List<string> Listeners { get; set; } = new();

    /// <summary>Copies every value the section set onto <paramref name="options"/>.</summary>
    public void ApplyTo(BusOptions options)
    {
        options.QueueCapacity = QueueCapacity ?? options.QueueCapacity;
        options.QueueFullMode = QueueFullMode ?? options.QueueFullMode;
        foreach (KeyValuePair<string, QueueSettings> queue in Queues)
        {
            if (queue.Value.Capacity is int capacity)
            {
                options.QueueCapacities[queue.Key] = capacity;
            }

            if (queue.Value.FullMode is GeneratedBus.QueueFullMode mode)
            {
                options.QueueFullModes[queue.Key] = mode;
            }
        }

        options.ExitTimeout = ExitTimeout ?? options.ExitTimeout;
        options.DropReportInterval = DropReportInterval ?? options.DropReportInterval;
        options.SlowEventThreshold = SlowEventThreshold ?? options.SlowEventThreshold;
        options.MaxTimedListenerTypes = MaxTimedListenerTypes ?? options.MaxTimedListenerTypes;
        options.ListenerTimers = ListenerTimers ?? options.ListenerTimers;
        options.StartBufferCapacity = StartBufferCapacity ?? options.StartBufferCapacity;
        options.Name = Name ?? options.Name;
    }
}

/// <summary>One queue's entry under <c>Queues</c>.</summary>
internal sealed class QueueSettings
{
    public int? Capacity { get; set; }

    public QueueFullMode? FullMode { get; set; }
}
