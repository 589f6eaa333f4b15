using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using SparkScheduler.Reporting;

namespace GeneratedBus.Samples.Tests;

/// <summary>The meter totals the producer waits of its own bus, per queue, and nothing else.</summary>
public sealed class ProducerWaitMeterTests
{
    [Fact]
    public void It_totals_waits_and_wait_time_per_queue_of_its_own_bus_only()
    {
        // Names of their own: runs of the main job in this process publish their waits on the same meter.
        string mine = "wait-meter-" + Guid.NewGuid().ToString("N");
        string other = "wait-meter-" + Guid.NewGuid().ToString("N");

        // A stand-in for the runtime's instruments: same meter and instrument names, so the listener takes them for its own.
        using var meter = new Meter(BusMetricNames.Meter);
        Counter<long> waits = meter.CreateCounter<long>(BusMetricNames.ProducerWaits);
        Histogram<double> duration = meter.CreateHistogram<double>(BusMetricNames.ProducerWaitDuration);
        Histogram<double> processing = meter.CreateHistogram<double>(BusMetricNames.QueueProcessingTime);
        using var waitMeter = new ProducerWaitMeter(mine);

        Wait(waits, duration, mine, "appStatus", 0.25);
        Wait(waits, duration, mine, "appStatus", 0.5);
        Wait(waits, duration, mine, "shared", 1);
        Wait(waits, duration, other, "appStatus", 8);
        processing.Record(4, Tag(BusMetricNames.BusTag, mine), Tag(BusMetricNames.QueueTag, "executorManagement"));
        waits.Add(1, Tag(BusMetricNames.QueueTag, "shared")); // no bus tag: nobody's

        IReadOnlyDictionary<string, ProducerWaits> byQueue = waitMeter.Snapshot();
        Assert.Equal(2, byQueue.Count);
        Assert.Equal(new ProducerWaits(2, TimeSpan.FromSeconds(0.75)), byQueue["appStatus"]);
        Assert.Equal(new ProducerWaits(1, TimeSpan.FromSeconds(1)), byQueue["shared"]);
    }

    [Fact]
    public void After_dispose_it_counts_no_more_waits()
    {
        string mine = "wait-meter-" + Guid.NewGuid().ToString("N");
        using var meter = new Meter(BusMetricNames.Meter);
        Counter<long> waits = meter.CreateCounter<long>(BusMetricNames.ProducerWaits);
        Histogram<double> duration = meter.CreateHistogram<double>(BusMetricNames.ProducerWaitDuration);
        var waitMeter = new ProducerWaitMeter(mine);

        Wait(waits, duration, mine, "appStatus", 1);
        waitMeter.Dispose();
        Wait(waits, duration, mine, "appStatus", 1);

        Assert.Equal(new ProducerWaits(1, TimeSpan.FromSeconds(1)), waitMeter.Snapshot()["appStatus"]);
    }

    // One wait as the runtime reports it: counted when it begins, its duration recorded when it ends.
    private static void Wait(Counter<long> waits, Histogram<double> duration, string bus, string queue, double seconds)
    {
        waits.Add(1, Tag(BusMetricNames.BusTag, bus), Tag(BusMetricNames.QueueTag, queue));
        duration.Record(seconds, Tag(BusMetricNames.BusTag, bus), Tag(BusMetricNames.QueueTag, queue));
    }

    private static KeyValuePair<string, object?> Tag(string key, string value) => new(key, value);
}
