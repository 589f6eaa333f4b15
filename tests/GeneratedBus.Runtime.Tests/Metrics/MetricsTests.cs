using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Linq;
using GeneratedBus.Runtime.Tests.Support;

namespace GeneratedBus.Runtime.Tests.Metrics;

[Collection(GlobalMeterCollection.Name)]
public class MetricsTests
{
    [Fact]
    public void Instruments_report_posted_dropped_size_processing_time_and_listener_duration_with_tags()
    {
        string name = "metrics-" + Guid.NewGuid().ToString("N");
        using var recorder = new MetricRecorder(name);
        using var bus = new TestBus(TestOptions.Create(capacity: 1, name: name));
        bus.AddToQueue(new CollectingListener(), "fast");
        using BlockingListener blocking = BlockingListener.StartBlocked(bus, "slow");
        bus.Post(new Ping(1));
        bus.Post(new Ping(2));

        recorder.Observe();
        Assert.Equal(3, recorder.Last(BusMetricNames.EventsPosted, queue: null));
        Assert.Equal(1, recorder.Last(BusMetricNames.QueueDropped, "slow"));
        Assert.Equal(1, recorder.Last(BusMetricNames.QueueSize, "slow"));

        blocking.Release();
        bus.Stop();

        Assert.Contains(recorder.Measurements, m => m.Instrument == BusMetricNames.QueueProcessingTime && m.Tags[BusMetricNames.QueueTag] == "fast" && m.Value >= 0);
        Assert.Contains(recorder.Measurements, m =>
            m.Instrument == BusMetricNames.ListenerDuration
            && m.Tags[BusMetricNames.QueueTag] == "slow"
            && m.Tags[BusMetricNames.ListenerTag] == typeof(BlockingListener).FullName);
        Assert.Equal("s", recorder.Units[BusMetricNames.ListenerDuration]);
        Assert.Equal("s", recorder.Units[BusMetricNames.QueueProcessingTime]);
    }

    [Fact]
    public void A_disposed_bus_is_no_longer_observed()
    {
        string name = "metrics-" + Guid.NewGuid().ToString("N");
        using var recorder = new MetricRecorder(name);
        var bus = new TestBus(TestOptions.Create(name: name));
        bus.Start();
        bus.Post(new Ping(0));
        bus.Dispose();

        recorder.Observe();
        Assert.DoesNotContain(recorder.Measurements, m => m.Instrument == BusMetricNames.EventsPosted);
    }

    [Fact]
    public void The_meter_is_named_GeneratedBus_and_the_bus_tag_defaults_to_the_type_name()
    {
        using var recorder = new MetricRecorder(nameof(TestBus));
        using var bus = new TestBus(TestOptions.Create());
        recorder.Observe();

        Assert.Equal("GeneratedBus", BusMetricNames.Meter);
        Assert.Contains(recorder.Measurements, m => m.Instrument == BusMetricNames.EventsPosted);
    }

    [Fact]
    public void A_throwing_metrics_listener_ends_neither_a_dispatch_thread_nor_a_synchronous_post()
    {
        // MeterListener callbacks run inline in Record: like a throwing logger, a throwing callback must not escape.
        string name = "metrics-" + Guid.NewGuid().ToString("N");
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == BusMetricNames.Meter)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
        {
            foreach (KeyValuePair<string, object?> tag in tags)
            {
                if (tag.Key == BusMetricNames.BusTag && Equals(tag.Value, name))
                {
                    throw new InvalidOperationException("metrics listener failure for the test");
                }
            }
        });
        listener.Start();

        using var bus = new TestBus(TestOptions.Create(name: name));
        var a = new CollectingListener();
        bus.AddToSharedQueue(a);
        bus.Start();
        bus.Post(new Ping(1));
        bus.Post(new Ping(2));
        a.WaitForCount(2);
        bus.Stop();
        Assert.Equal(2, bus.GetStats().Queues[TestBus.SharedQueue].Processed);

        var sync = new SyncTestBus(TestOptions.Create(name: name));
        var first = new CollectingListener();
        var second = new CollectingListener();
        sync.AddListener(first);
        sync.AddListener(second);
        sync.PostToAll(new Ping(1));
        Assert.Equal(1, second.Count);
    }

    [Fact]
    public void Instrument_names_kinds_and_units_are_stable()
    {
        // dotnet-counters invocations, dashboards and alerts spell these out: a rename breaks them, so the literal
        // names are pinned here rather than read back from BusMetricNames.
        using var bus = new TestBus(TestOptions.Create());
        var published = new ConcurrentDictionary<string, string>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, _) =>
            {
                if (instrument.Meter.Name == "GeneratedBus")
                {
                    published[instrument.Name] = $"{instrument.GetType().Name} {instrument.Unit}";
                }
            },
        };
        listener.Start();

        var expected = new Dictionary<string, string>
        {
            ["generatedbus.events.posted"] = "ObservableCounter`1 {event}",
            ["generatedbus.queue.dropped"] = "ObservableCounter`1 {event}",
            ["generatedbus.queue.size"] = "ObservableGauge`1 {event}",
            ["generatedbus.queue.processing_time"] = "Histogram`1 s",
            ["generatedbus.listener.duration"] = "Histogram`1 s",
            ["generatedbus.queue.producer.waits"] = "Counter`1 {wait}",
            ["generatedbus.queue.producer.wait.duration"] = "Histogram`1 s",
        };
        Assert.Equal(expected.OrderBy(p => p.Key), published.OrderBy(p => p.Key));
    }
}
