using System;
using System.Linq;
using GeneratedBus.Runtime.Tests.Support;
using Microsoft.Extensions.Logging;

namespace GeneratedBus.Runtime.Tests.Bus;

/// <summary>
/// Dispose of a bus never started (issue 16, defect 9): the events it buffered were counted in EventsPosted, so each
/// queue Start would have offered them to counts them as posted and dropped, and the loss is logged.
/// </summary>
public class DisposeBeforeStartTests
{
    [Fact]
    public void Dispose_of_a_bus_never_started_counts_its_buffered_events_as_dropped_on_every_queue_and_logs_it()
    {
        var logs = new CollectingLoggerFactory();
        var options = TestOptions.Create(logs: logs, name: "early");
        options.StartBufferCapacity = 10;
        var bus = new TestBus(options);
        var a = new CollectingListener();
        bus.AddToQueue(a, "a");
        bus.AddToQueue(new CollectingListener(), "b");
        for (int i = 0; i < 12; i++)
        {
            bus.Post(new Ping(i));
        }

        bus.Dispose();

        BusStats stats = bus.GetStats();
        Assert.Equal(10, stats.EventsPosted);
        Assert.Equal(2, stats.StartBufferDropped);
        Assert.Equal(new QueueStats("a", 10_000, 0, 10, 0, 10), stats.Queues["a"]);
        Assert.Equal(new QueueStats("b", 10_000, 0, 10, 0, 10), stats.Queues["b"]);
        Assert.Equal(0, a.Count);
        LogEntry warning = Assert.Single(logs.Entries, e => e.EventId.Id == 14);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("early", warning.Message);
        Assert.Contains("10 events", warning.Message);

        // Counted once: a second Dispose and a Stop change nothing.
        bus.Dispose();
        bus.Stop();
        Assert.Equal(stats.Queues.Values, bus.GetStats().Queues.Values);
        Assert.Single(logs.Entries, e => e.EventId.Id == 14);
    }

    [Fact]
    public void Dispose_of_a_bus_never_started_with_nothing_buffered_logs_nothing()
    {
        var logs = new CollectingLoggerFactory();
        var bus = new TestBus(TestOptions.Create(logs: logs));
        bus.AddToQueue(new CollectingListener(), "a");

        bus.Dispose();

        Assert.Equal(new QueueStats("a", 10_000, 0, 0, 0, 0), bus.GetStats().Queues["a"]);
        Assert.DoesNotContain(logs.Entries, e => e.EventId.Id == 14);
    }
}
