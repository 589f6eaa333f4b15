using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;

namespace GeneratedBus.Runtime.Tests.Support;

/// <summary>One measurement's tags, seen inline on the thread that records it.</summary>
public delegate void InlineMeasurement(ReadOnlySpan<KeyValuePair<string, object?>> tags);

/// <summary>
/// A <see cref="MeterListener"/> on one GeneratedBus instrument whose callback runs inline, on the thread that records
/// the measurement: how tests run user code inside the bus's own metric calls.
/// </summary>
public static class InlineInstrumentListener
{
    /// <summary>Starts listening to <paramref name="instrument"/>; dispose the result to stop.</summary>
    public static MeterListener Start(string instrument, InlineMeasurement onMeasurement)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (published, l) =>
            {
                if (published.Meter.Name == BusMetricNames.Meter && published.Name == instrument)
                {
                    l.EnableMeasurementEvents(published);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) => onMeasurement(tags));
        listener.SetMeasurementEventCallback<double>((_, _, tags, _) => onMeasurement(tags));
        listener.Start();
        return listener;
    }
}
