using System.Threading;
using GeneratedBus.Benchmarks.Events;

namespace GeneratedBus.Benchmarks.Scenarios;

/// <summary>The end of a lossless round: the producer waits until the consumer has had every event it posted.</summary>
public static class Drain
{
    /// <summary>Waits until <paramref name="listener"/> has had <paramref name="target"/> events in all.</summary>
    public static void WaitFor(CountingListener listener, long target)
    {
        for (int spins = 0; listener.Count < target; spins++)
        {
            Pause(listener, target, spins);
        }
    }

    /// <summary>
    /// Spins a little (each poll pulls the line the consumer writes per event, so not too often), yields a few times,
    /// then blocks until the consumer signals: on 2 cores a producer that only yielded kept its core while the
    /// consumer queued for the other one.
    /// </summary>
    private static void Pause(CountingListener listener, long target, int spins)
    {
        if (spins < 50)
        {
            Thread.SpinWait(20);
        }
        else if (spins < 60)
        {
            Thread.Yield();
        }
        else
        {
            listener.WaitUntil(target);
        }
    }
}
