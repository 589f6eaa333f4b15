using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using GeneratedBus;

namespace SparkScheduler.Reporting;

/// <summary>
/// Listens to the bus's back-pressure metrics (<see cref="BusMetricNames.ProducerWaits"/> and
/// <see cref="BusMetricNames.ProducerWaitDuration"/>) for one bus, and totals, per queue, how often the driver waited
/// for room in a <see cref="QueueFullMode.Wait"/> queue and for how long: what a user's own metrics pipeline would see.
/// </summary>
internal sealed class ProducerWaitMeter : IDisposable
{
    private readonly string _bus;
    private readonly MeterListener _listener = new();
    private readonly object _gate = new();
    private readonly Dictionary<string, (long Waits, double Seconds)> _byQueue = new(StringComparer.Ordinal);

    /// <summary>Starts listening to the waits of the bus named <paramref name="bus"/> (<see cref="BusOptions.Name"/>).</summary>
    public ProducerWaitMeter(string bus)
    {
        _bus = bus;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == BusMetricNames.Meter
                && instrument.Name is BusMetricNames.ProducerWaits or BusMetricNames.ProducerWaitDuration)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(tags, value, 0));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Add(tags, 0, value));
        _listener.Start();
    }

    /// <summary>Waits and wait time per queue so far; queues whose producers never waited are absent.</summary>
    public IReadOnlyDictionary<string, ProducerWaits> Snapshot()
    {
        lock (_gate)
        {
            var copy = new Dictionary<string, ProducerWaits>(StringComparer.Ordinal);
            foreach ((string queue, (long waits, double seconds)) in _byQueue)
            {
                copy[queue] = new ProducerWaits(waits, TimeSpan.FromSeconds(seconds));
            }

            return copy;
        }
    }

    /// <summary>Stops listening.</summary>
    public void Dispose() => _listener.Dispose();

    // A counter measurement is one wait begun; a histogram measurement is one wait's duration, in seconds.
    private void Add(ReadOnlySpan<KeyValuePair<string, object?>> tags, long waits, double seconds)
    {
        string? bus = null, queue = null;
        foreach (KeyValuePair<string, object?> tag in tags)
        {
            if (tag.Key == BusMetricNames.BusTag)
            {
                bus = tag.Value as string;
            }
            else if (tag.Key == BusMetricNames.QueueTag)
            {
                queue = tag.Value as string;
            }
        }

        if (bus != _bus || queue is null)
        {
            return;
        }

        lock (_gate)
        {
            (long w, double s) = _byQueue.GetValueOrDefault(queue);
            _byQueue[queue] = (w + waits, s + seconds);
        }
    }
}

/// <summary>How often a producer waited for room in one queue, and for how long in all.</summary>
/// <param name="Waits">Waits begun.</param>
/// <param name="Waited">Their total duration.</param>
internal sealed record ProducerWaits(long Waits, TimeSpan Waited);
