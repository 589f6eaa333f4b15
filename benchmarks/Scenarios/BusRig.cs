using System;
using GeneratedBus.Benchmarks.Events;

namespace GeneratedBus.Benchmarks.Scenarios;

/// <summary>
/// A started bus with one <see cref="QueueFullMode.Wait"/> queue of <see cref="Capacity"/> and one counting listener:
/// producers post as fast as they can and the queue's back-pressure keeps the run lossless, as a bounded channel's
/// Wait mode does for the baseline.
/// </summary>
public sealed class BusRig : IDisposable
{
    /// <summary>The queue capacity of every async scenario, the baselines' included.</summary>
    public const int Capacity = 10_000;

    private readonly JobSubmitted _event = new(1);

    public BusRig(bool timers)
    {
        Bus = new BenchBus(new BusOptions { QueueCapacity = Capacity, ListenerTimers = timers, QueueFullMode = QueueFullMode.Wait });
        Bus.AddToSharedQueue(Listener);
        Bus.Start();
    }

    public BenchBus Bus { get; }

    public CountingListener Listener { get; } = new();

    /// <summary>Posts <paramref name="events"/> events; a full queue makes the post wait.</summary>
    public void Produce(int events)
    {
        BenchBus bus = Bus;
        JobSubmitted e = _event;
        for (int i = 0; i < events; i++)
        {
            bus.Post(e);
        }
    }

    /// <summary>Posts <paramref name="events"/> events and waits until the listener has had them all.</summary>
    public void Round(int events)
    {
        long target = Listener.Count + events;
        Produce(events);
        Drain.WaitFor(Listener, target);
    }

    /// <summary>Throws if the queue dropped: a lossy run would not be a fair comparison.</summary>
    public void Dispose()
    {
        Bus.Stop();
        long dropped = Bus.GetStats().Queues[BenchBus.SharedQueue].Dropped;
        Bus.Dispose();
        if (dropped != 0)
        {
            throw new InvalidOperationException($"The lossless scenario dropped {dropped} events.");
        }
    }
}
