using System;
using System.Threading;
using System.Threading.Tasks;
using GeneratedBus.Runtime.Tests.Support;

namespace GeneratedBus.Runtime.Tests.Bus;

/// <summary>RequestStop (issue 14, point 5): the supported way to stop a bus from a listener, safe from any thread.</summary>
public class RequestStopTests
{
    [Fact]
    public void RequestStop_from_a_listener_returns_at_once_and_the_bus_stops_after_draining_every_accepted_event()
    {
        using var bus = new TestBus(TestOptions.Create());
        var collected = new CollectingListener();
        Task? requested = null, second = null;
        Exception? stopThrew = null;
        int returnedWhileRunning = 0;
        bus.AddToQueue(new DelegateListener((e, _) =>
        {
            if (e.Value == 5)
            {
                stopThrew = Record.Exception(bus.Stop);
                requested = bus.RequestStop();

                // It returned without waiting for this thread; a second request is the same request.
                Volatile.Write(ref returnedWhileRunning, requested.IsCompleted ? 0 : 1);
                second = bus.RequestStop();
            }
        }), "inside");
        bus.AddToQueue(collected, "other");

        // Buffered before Start, so every event is accepted before the listener asks for the stop.
        for (int i = 0; i < 100; i++)
        {
            bus.Post(new Ping(i));
        }

        bus.Start();
        Eventually.True(() => Volatile.Read(ref requested) is not null, "the listener requested the stop");
        Completion.Of(requested!, "the requested stop");

        Assert.IsType<InvalidOperationException>(stopThrew);
        Assert.Equal(1, Volatile.Read(ref returnedWhileRunning));
        Assert.Same(requested, second);
        Assert.False(bus.IsRunning);
        Assert.True(bus.IsStopping);
        BusStats stats = bus.GetStats();
        Assert.Equal(100, stats.EventsPosted);
        foreach (QueueStats queue in stats.Queues.Values)
        {
            Assert.Equal(new QueueStats(queue.Name, 10_000, 0, 100, 100, 0), queue);
        }

        Assert.Equal(100, collected.Count);

        // A post after the stop is ignored; a Stop now is a second Stop and returns.
        bus.Post(new Ping(100));
        bus.Stop();
        Assert.Equal(100, bus.GetStats().EventsPosted);
    }

    [Fact]
    public void RequestStop_from_outside_completes_once_stopped_and_after_a_Stop_returns_a_completed_task()
    {
        using var bus = new TestBus(TestOptions.Create());
        using BlockingListener blocking = BlockingListener.StartBlocked(bus);
        bus.Post(new Ping(1));

        Task requested = bus.RequestStop();

        Eventually.True(() => bus.IsStopping, "the requested stop began");
        Assert.False(requested.IsCompleted, "the stop waits for the blocked listener");
        blocking.Release();
        Completion.Of(requested, "the requested stop");
        Assert.Equal(new QueueStats(TestBus.SharedQueue, 10_000, 0, 2, 2, 0), bus.GetStats().Queues[TestBus.SharedQueue]);
        Assert.True(bus.RequestStop().IsCompletedSuccessfully);
    }

    [Fact]
    public void RequestStop_on_a_bus_never_started_throws_as_Stop_does()
    {
        using var bus = new TestBus(TestOptions.Create());

        // Synchronously, not in the task: a bus never started has nothing to stop.
        Action request = () => _ = bus.RequestStop();
        Assert.IsType<InvalidOperationException>(Record.Exception(request));
    }

    [Fact]
    public void RequestStop_from_a_listener_while_Start_still_offers_the_buffered_events_stops_the_bus_once_Start_is_done()
    {
        // Start releases the dispatch threads before it offers the buffer and publishes Started: a listener can run,
        // and ask for the stop, while the bus is still starting.
        using var bus = new TestBus(TestOptions.Create());
        Task? requested = null;
        Exception? failed = null;
        bus.AddToSharedQueue(new DelegateListener((e, _) =>
        {
            if (e.Value == 0)
            {
                try
                {
                    requested = bus.RequestStop();
                }
                catch (Exception ex)
                {
                    failed = ex;
                }
            }
        }));
        for (int i = 0; i < 10_000; i++)
        {
            bus.Post(new Ping(i));
        }

        bus.Start();
        Eventually.True(() => Volatile.Read(ref requested) is not null || Volatile.Read(ref failed) is not null, "the listener requested the stop");
        Assert.Null(failed);
        Completion.Of(requested!, "the requested stop");

        Assert.False(bus.IsRunning);
        Assert.Equal(new QueueStats(TestBus.SharedQueue, 10_000, 0, 10_000, 10_000, 0), bus.GetStats().Queues[TestBus.SharedQueue]);
    }
}
