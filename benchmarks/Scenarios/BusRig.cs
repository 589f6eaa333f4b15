using System;
using GeneratedBus.Benchmarks.Events;

namespace GeneratedBus.Benchmarks.Scenarios;

/// <summary>A started bus with one queue of <see cref="Capacity"/> and one counting listener, posted to losslessly.</summary>
public sealed class BusRig : IDisposable
{
    /// <summary>The queue capacity of every async scenario, the baselines' included.</summary>
    public const int Capacity = 10_000;

    private readonly JobSubmitted _event = new(1);

    public BusRig(bool timers)
    {
        Bus = new BenchBus(new BusOptions { QueueCapacity = Capacity, ListenerTimers = timers });
        Bus.AddToSharedQueue(Listener);
        Bus.Start();
        Pacer = new Pacer(Listener, Capacity - (3 * Pacer.Stride));
    }

    public BenchBus Bus { get; }

    public CountingListener Listener { get; } = new();

    public Pacer Pacer { get; }

    /// <summary>Posts <paramref name="events"/> events as producer <paramref name="second"/>, never overrunning the queue.</summary>
    public void Produce(bool second, int events)
    {
        BenchBus bus = Bus;
        JobSubmitted e = _event;
        for (int i = 0; i < events; i++)
        {
            if (i % Pacer.Stride == 0)
            {
                Pacer.Check(second, i);
            }

            bus.Post(e);
        }
    }

    /// <summary>Throws if the pacing failed and the queue dropped: a lossy run would not be a fair comparison.</summary>
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
