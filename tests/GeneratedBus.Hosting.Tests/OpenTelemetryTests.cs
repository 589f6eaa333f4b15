using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using GeneratedBus.Hosting.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace GeneratedBus.Hosting.Tests;

/// <summary>The bus's instruments reach OpenTelemetry with AddMeter("GeneratedBus") alone: no extra code.</summary>
public class OpenTelemetryTests
{
    [Fact]
    public async Task The_in_memory_exporter_sees_the_bus_instruments_with_their_tags()
    {
        var exported = new List<Metric>();
        using MeterProvider meters = Sdk.CreateMeterProviderBuilder()
            .AddMeter(BusMetricNames.Meter)
            .AddInMemoryExporter(exported)
            .Build();
        using IHost host = TestHost.Build(services =>
        {
            services.AddSingleton<Ledger>();
            services.AddOrderBus(o => o.Name = "otel-orders").AddListener<CountingListener>("orders");
        });
        await host.StartBounded();
        var bus = host.Services.GetRequiredService<OrderBus>();
        for (int i = 0; i < 10; i++)
        {
            bus.Post(new OrderPlaced(i));
        }

        bus.WaitUntilEmpty(TestHost.Deadline);
        Assert.True(meters.ForceFlush(30_000));

        Dictionary<string, string> posted = Tags(exported, BusMetricNames.EventsPosted, "otel-orders");
        Assert.Equal("otel-orders", posted[BusMetricNames.BusTag]);
        Assert.Equal(10, Points(exported, BusMetricNames.EventsPosted, "otel-orders").Max(p => p.GetSumLong()));

        Assert.Equal("orders", Tags(exported, BusMetricNames.QueueDropped, "otel-orders")[BusMetricNames.QueueTag]);
        Assert.Equal("orders", Tags(exported, BusMetricNames.QueueSize, "otel-orders")[BusMetricNames.QueueTag]);
        Assert.Equal("orders", Tags(exported, BusMetricNames.QueueProcessingTime, "otel-orders")[BusMetricNames.QueueTag]);
        Dictionary<string, string> listener = Tags(exported, BusMetricNames.ListenerDuration, "otel-orders");
        Assert.Equal(typeof(CountingListener).FullName, listener[BusMetricNames.ListenerTag]);
        Assert.Equal("orders", listener[BusMetricNames.QueueTag]);
        await host.StopBounded();
    }

    private static IEnumerable<MetricPoint> Points(List<Metric> exported, string instrument, string bus)
    {
        foreach (Metric metric in exported.Where(m => m.Name == instrument))
        {
            foreach (ref readonly MetricPoint point in metric.GetMetricPoints())
            {
                if (TagsOf(point).GetValueOrDefault(BusMetricNames.BusTag) == bus)
                {
                    yield return point;
                }
            }
        }
    }

    private static Dictionary<string, string> Tags(List<Metric> exported, string instrument, string bus)
    {
        MetricPoint? found = Points(exported, instrument, bus).Cast<MetricPoint?>().FirstOrDefault();
        Assert.True(found.HasValue, $"{instrument} was not exported for bus {bus}; exported: {string.Join(", ", exported.Select(m => m.Name).Distinct())}");
        return TagsOf(found!.Value);
    }

    private static Dictionary<string, string> TagsOf(MetricPoint point)
    {
        var tags = new Dictionary<string, string>();
        foreach (KeyValuePair<string, object?> tag in point.Tags)
        {
            tags[tag.Key] = tag.Value?.ToString() ?? "";
        }

        return tags;
    }
}
