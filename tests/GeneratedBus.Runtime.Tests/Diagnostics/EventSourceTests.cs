using System;
using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Linq;
using GeneratedBus.Runtime.Tests.Support;

namespace GeneratedBus.Runtime.Tests.Diagnostics;

/// <summary>
/// Drops are visible without a logger (issue 14, point 2): the <c>GeneratedBus</c> EventSource carries a warning-level
/// event for each loss the logger would report. Each test filters on a bus name of its own: the source is process-wide.
/// </summary>
public sealed class EventSourceTests
{
    [Fact]
    public void Drops_on_a_bus_with_no_logger_reach_an_EventListener_as_warnings_whose_counts_add_up_to_Dropped()
    {
        string name = "silent-" + Guid.NewGuid().ToString("N");
        using var listener = new LossListener();
        using var bus = new TestBus(TestOptions.Create(capacity: 1, name: name));
        using BlockingListener blocking = BlockingListener.StartBlocked(bus);
        for (int i = 1; i <= 4; i++)
        {
            bus.Post(new Ping(i));
        }

        blocking.Release();
        bus.Stop();

        Assert.Equal(3, bus.GetStats().Queues[TestBus.SharedQueue].Dropped);
        EventWrittenEventArgs[] events = listener.Of(name);
        Assert.All(events, e => Assert.Equal(EventLevel.Warning, e.Level));
        EventWrittenEventArgs began = Assert.Single(events, e => e.EventId == 3);
        Assert.Equal(TestBus.SharedQueue, began.Payload![1]);
        Assert.Equal(3L, events.Where(e => e.EventId == 1).Sum(e => (long)e.Payload![2]!));
    }

    [Fact]
    public void Events_discarded_by_Dispose_before_Start_reach_an_EventListener()
    {
        string name = "discarded-" + Guid.NewGuid().ToString("N");
        using var listener = new LossListener();
        var bus = new TestBus(TestOptions.Create(name: name));
        bus.AddToSharedQueue(new CollectingListener());
        bus.Post(new Ping(1));
        bus.Post(new Ping(2));

        bus.Dispose();

        EventWrittenEventArgs lost = Assert.Single(listener.Of(name));
        Assert.Equal(2, lost.EventId);
        Assert.Equal(EventLevel.Warning, lost.Level);
        Assert.Equal(2L, lost.Payload![1]);
    }

    /// <summary>Listens to the GeneratedBus source at Warning and keeps what it writes.</summary>
    private sealed class LossListener : EventListener
    {
        // Initialized before the base constructor, which may already call OnEventSourceCreated and OnEventWritten.
        private readonly ConcurrentQueue<EventWrittenEventArgs> _events = new();

        /// <summary>The events of bus <paramref name="bus"/> (every event's first field is the bus name).</summary>
        public EventWrittenEventArgs[] Of(string bus) =>
            _events.Where(e => e.Payload is { Count: > 0 } p && Equals(p[0], bus)).ToArray();

        protected override void OnEventSourceCreated(EventSource eventSource)
        {
            if (eventSource.Name == "GeneratedBus")
            {
                EnableEvents(eventSource, EventLevel.Warning);
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs eventData) => _events?.Enqueue(eventData);
    }
}
