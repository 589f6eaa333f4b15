using System.Diagnostics;
using System.Threading;
using GeneratedBus;
using SparkScheduler.Events;
using SparkScheduler.Listeners;

namespace SparkScheduler.Simulation;

/// <summary>
/// Keeps the simulated driver from outrunning the listeners that must see every event. A real driver is bounded by
/// its cluster; this one could post millions of events a second, so every few thousand events it looks at the queues
/// that must not drop and waits while one of them is more than half full. It never waits for the event-log queue:
/// that one is left to fill and drop, which is the point of the demonstration.
/// </summary>
internal sealed class DriverPacer(SparkBus bus)
{
    private const int CheckEvery = 2_048;
    private readonly Stopwatch _waited = new();
    private int _sinceCheck;

    /// <summary>Real time the driver spent waiting for the fast queues.</summary>
    public System.TimeSpan Waited => _waited.Elapsed;

    /// <summary>Called after each post; waits, rarely, while a must-not-drop queue is over half full.</summary>
    public void AfterPost()
    {
        if (++_sinceCheck < CheckEvery)
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
        BusStats stats = bus.GetStats();
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
