using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Reflection;

namespace GeneratedBus;

/// <summary>A bus whose counters the observable instruments report.</summary>
internal interface IBusMetricsSource
{
    /// <summary>The <c>bus</c> tag.</summary>
    string BusName { get; }

    /// <summary>What <see cref="BusStats.EventsPosted"/> would say, without building the rest of the stats.</summary>
    long EventsPosted { get; }

    /// <summary>A full snapshot, for the per-queue instruments.</summary>
    BusStats GetStats();
}

/// <summary>
/// The one <see cref="Meter"/> of the runtime and its instruments. Observable instruments enumerate the live buses
/// through weak references, so a bus that is never disposed still gets collected; nothing here runs on the post path.
/// </summary>
internal static class BusMetrics
{
    private static readonly Meter s_meter = new(
        BusMetricNames.Meter,
        typeof(BusMetrics).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? typeof(BusMetrics).Assembly.GetName().Version?.ToString());

    private static readonly List<WeakReference<IBusMetricsSource>> s_sources = new();

    /// <summary>Time to deliver one event to all listeners of a queue; recorded only while <c>Enabled</c>.</summary>
    public static readonly Histogram<double> QueueProcessingTime = s_meter.CreateHistogram<double>(
        BusMetricNames.QueueProcessingTime, "s", "Time to deliver one event to every listener of a queue.");

    /// <summary>Time of one listener call; recorded only while <c>Enabled</c>, from the timer's clock reads.</summary>
    public static readonly Histogram<double> ListenerDuration = s_meter.CreateHistogram<double>(
        BusMetricNames.ListenerDuration, "s", "Time of one listener call.");

    /// <summary>Waits of producers for room in a full Wait queue; added only while <c>Enabled</c>, off the post fast path.</summary>
    public static readonly Counter<long> ProducerWaits = s_meter.CreateCounter<long>(
        BusMetricNames.ProducerWaits, "{wait}", "Times a producer found a Wait queue full and waited for room.");

    /// <summary>Time of one producer wait for room; recorded only while <c>Enabled</c>.</summary>
    public static readonly Histogram<double> ProducerWaitDuration = s_meter.CreateHistogram<double>(
        BusMetricNames.ProducerWaitDuration, "s", "Time a producer waited for room in a full Wait queue.");

    static BusMetrics()
    {
        s_meter.CreateObservableCounter(BusMetricNames.EventsPosted, ObservePosted, "{event}", "Events accepted by Post.");
        s_meter.CreateObservableCounter(BusMetricNames.QueueDropped, ObserveDropped, "{event}", "Events a queue dropped.");
        s_meter.CreateObservableGauge(BusMetricNames.QueueSize, ObserveSize, "{event}", "Events waiting in a queue.");
    }

    /// <summary>
    /// Records on a dispatch thread or in a synchronous post. <see cref="MeterListener"/> callbacks run inline, and one
    /// that throws must not end a dispatch thread (and the process) nor skip the remaining listeners, just as a
    /// throwing logger must not (see <see cref="Log.Safely"/>). No allocation: the tags are passed as values.
    /// </summary>
    public static void RecordSafely(
        Histogram<double> histogram, double value, KeyValuePair<string, object?> tag1, KeyValuePair<string, object?> tag2)
    {
        try
        {
            histogram.Record(value, tag1, tag2);
        }
        catch (Exception)
        {
            // Nothing to report to: the metrics listener is what failed, and logging here would flood.
        }
    }

    /// <inheritdoc cref="RecordSafely(Histogram{double}, double, KeyValuePair{string, object?}, KeyValuePair{string, object?})"/>
    public static void RecordSafely(
        Histogram<double> histogram,
        double value,
        KeyValuePair<string, object?> tag1,
        KeyValuePair<string, object?> tag2,
        KeyValuePair<string, object?> tag3)
    {
        try
        {
            histogram.Record(value, tag1, tag2, tag3);
        }
        catch (Exception)
        {
            // As above.
        }
    }

    /// <summary>Adds to a counter like <see cref="RecordSafely(Histogram{double}, double, KeyValuePair{string, object?}, KeyValuePair{string, object?})"/> records: a throwing callback does not escape.</summary>
    public static void AddSafely(
        Counter<long> counter, long delta, KeyValuePair<string, object?> tag1, KeyValuePair<string, object?> tag2)
    {
        try
        {
            counter.Add(delta, tag1, tag2);
        }
        catch (Exception)
        {
            // As above.
        }
    }

    public static void Register(IBusMetricsSource source)
    {
        lock (s_sources)
        {
            s_sources.Add(new WeakReference<IBusMetricsSource>(source));
        }
    }

    public static void Unregister(IBusMetricsSource source)
    {
        lock (s_sources)
        {
            s_sources.RemoveAll(w => !w.TryGetTarget(out IBusMetricsSource? s) || ReferenceEquals(s, source));
        }
    }

    /// <summary>The buses built and not yet disposed nor collected: for the instruments and the process-exit report.</summary>
    internal static List<IBusMetricsSource> LiveSources()
    {
        var live = new List<IBusMetricsSource>();
        lock (s_sources)
        {
            s_sources.RemoveAll(w => !w.TryGetTarget(out _));
            foreach (WeakReference<IBusMetricsSource> weak in s_sources)
            {
                if (weak.TryGetTarget(out IBusMetricsSource? source))
                {
                    live.Add(source);
                }
            }
        }

        return live;
    }

    private static IEnumerable<Measurement<long>> ObservePosted()
    {
        foreach (IBusMetricsSource source in LiveSources())
        {
            yield return new Measurement<long>(source.EventsPosted, new KeyValuePair<string, object?>(BusMetricNames.BusTag, source.BusName));
        }
    }

    private static IEnumerable<Measurement<long>> ObserveDropped() => ObservePerQueue(q => q.Dropped);

    private static IEnumerable<Measurement<int>> ObserveSize() => ObservePerQueue(q => q.Size);

    private static IEnumerable<Measurement<T>> ObservePerQueue<T>(Func<QueueStats, T> value)
        where T : struct
    {
        foreach (IBusMetricsSource source in LiveSources())
        {
            foreach (QueueStats queue in source.GetStats().Queues.Values)
            {
                yield return new Measurement<T>(
                    value(queue),
                    new KeyValuePair<string, object?>(BusMetricNames.BusTag, source.BusName),
                    new KeyValuePair<string, object?>(BusMetricNames.QueueTag, queue.Name));
            }
        }
    }
}
