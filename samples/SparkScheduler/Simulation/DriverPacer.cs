using System.Diagnostics;
using System.Threading;
using GeneratedBus;
using SparkScheduler.Events;
using SparkScheduler.Listeners;

namespace SparkScheduler.Simulation;

/// <summary>
/// Keeps the simulated driver from outrunning the listeners that must see every event. A real driver is bounded by
/// its cluster; this one could post millions of events a second, so every few events it looks at the queues that must
/// not drop and waits while one of them is more than half full. It never waits for the event-log queue: that one is
/// left to fill and drop, which is the point of the demonstration.
/// </summary>
/// <remarks>
/// It checks at least every quarter of the smallest must-not-drop capacity: a queue found at most half full then
/// holds at most three quarters of its capacity by the next check, even if no event was processed in between.
/// </remarks>
internal sealed class DriverPacer
{
    /// <summary>The smallest capacity the pacer can protect; the command line rejects smaller ones.</summary>
    public const int MinCapacity = 64;

    private const int MaxCheckEvery = 2_048;
    private readonly SparkBus _bus;
    private readonly int _checkEvery;
    private readonly Stopwatch _waited = new();
    private int _sinceCheck;

    /// <summary>Paces posts to <paramref name="bus"/>, whose must-not-drop queues have <paramref name="capacity"/> slots.</summary>
    public DriverPacer(SparkBus bus, int capacity)
    {
        if (capacity < MinCapacity)
        {
            throw new System.ArgumentOutOfRangeException(nameof(capacity), capacity, $"The pacer needs a capacity of at least {MinCapacity}.");
        }

        _bus = bus;
        _checkEvery = System.Math.Min(MaxCheckEvery, capacity / 4);
    }

    /// <summary>Posts between two looks at the queues.</summary>
    public int CheckEvery => _checkEvery;

    /// <summary>Real time the driver spent waiting for the fast queues.</summary>
    public System.TimeSpan Waited => _waited.Elapsed;

    /// <summary>Called after each post; waits, rarely, while a must-not-drop queue is over half full.</summary>
    public void AfterPost()
    {
        if (++_sinceCheck < _checkEvery)
        {
            return;
        }

        _sinceCheck = 0;
        while (FullestMustNotDropQueue() > 0.5)
        {
            _waited.Start();
            Thread.Sleep(1);
            _waited.Stop();
        }
    }

    private double FullestMustNotDropQueue()
    {
        double fullest = 0;
        BusStats stats = _bus.GetStats();
        foreach (string name in QueueNames.MustNotDrop)
        {
            if (stats.Queues.TryGetValue(name, out QueueStats? q))
            {
                fullest = System.Math.Max(fullest, (double)q.Size / q.Capacity);
            }
        }

        return fullest;
    }
}
