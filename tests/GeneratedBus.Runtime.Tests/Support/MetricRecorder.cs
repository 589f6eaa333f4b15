using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Linq;

namespace GeneratedBus.Runtime.Tests.Support;

/// <summary>One measurement of the GeneratedBus meter, with its tags as strings.</summary>
public sealed record Measured(string Instrument, double Value, IReadOnlyDictionary<string, string?> Tags)
{
    /// <summary>The <c>queue</c> tag, or <see langword="null"/>.</summary>
    public string? Queue => Tags.TryGetValue(BusMetricNames.QueueTag, out string? queue) ? queue : null;
}

/// <summary>Listens to the GeneratedBus meter, keeping only measurements tagged with one bus name.</summary>
public sealed class MetricRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<Measured> _measurements = new();
    private readonly string _bus;

    public MetricRecorder(string bus)
    {
        _bus = bus;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == BusMetricNames.Meter)
            {
                Units[instrument.Name] = instrument.Unit;
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Add(i, v, tags));
        _listener.SetMeasurementEventCallback<int>((i, v, tags, _) => Add(i, v, tags));
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Add(i, v, tags));
        _listener.Start();
    }

    public ConcurrentDictionary<string, string?> Units { get; } = new();

    public IReadOnlyList<Measured> Measurements => _measurements.ToArray();

    public void Observe() => _listener.RecordObservableInstruments();

    public double Last(string instrument, string? queue) =>
        Measurements.Last(m => m.Instrument == instrument && (queue is null || m.Queue == queue)).Value;

    /// <summary>The measurements of one instrument, optionally of one queue.</summary>
    public IReadOnlyList<Measured> Of(string instrument, string? queue = null) =>
        Measurements.Where(m => m.Instrument == instrument && (queue is null || m.Queue == queue)).ToArray();

    public void Dispose() => _listener.Dispose();

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var map = new Dictionary<string, string?>();
        foreach (KeyValuePair<string, object?> tag in tags)
        {
            map[tag.Key] = tag.Value?.ToString();
        }

        if (map.TryGetValue(BusMetricNames.BusTag, out string? bus) && bus == _bus)
        {
            _measurements.Enqueue(new Measured(instrument.Name, value, map));
        }
    }
}
