using System.Runtime.InteropServices;
using System.Threading;
using GeneratedBus.Benchmarks.Events;

namespace GeneratedBus.Benchmarks.Scenarios;

/// <summary>
/// Keeps producers of a lossy bus lossless, like a bounded channel's Wait mode: every <see cref="Stride"/> posts a
/// producer publishes its count and waits while more than <c>window</c> events are unconsumed. The window leaves
/// room for the other producer's unpublished stride, so a queue of the benchmark's capacity never drops.
/// </summary>
public sealed class Pacer(CountingListener listener, long window)
{
    /// <summary>Posts between two checks: one read of the consumer's line per stride, not per event.</summary>
    public const int Stride = 1024;

    private Counts _counts;
    private long _base;

    /// <summary>Before a round: the consumer has drained the last one.</summary>
    public void Reset()
    {
        _base = listener.Count;
        Volatile.Write(ref _counts.First, 0);
        Volatile.Write(ref _counts.Second, 0);
    }

    /// <summary>Producer <paramref name="second"/> has posted <paramref name="posted"/> events this round.</summary>
    public void Check(bool second, long posted)
    {
        Volatile.Write(ref second ? ref _counts.Second : ref _counts.First, posted);
        for (int spins = 0; _base + Volatile.Read(ref _counts.First) + Volatile.Read(ref _counts.Second) - listener.Count > window; spins++)
        {
            Pause(spins);
        }
    }

    /// <summary>Waits until the consumer has had every event of the round.</summary>
    public void WaitForDrain(long events)
    {
        long target = _base + events;
        for (int spins = 0; listener.Count < target; spins++)
        {
            Pause(spins);
        }
    }

    /// <summary>
    /// Spins a little (each poll pulls the line the consumer writes per event, so not too often), then yields: on a
    /// busy 2-core machine the consumer may be waiting for this very core.
    /// </summary>
    public static void Pause(int spins)
    {
        if (spins < 50)
        {
            Thread.SpinWait(20);
        }
        else
        {
            Thread.Yield();
        }
    }

    [StructLayout(LayoutKind.Explicit, Size = 384)]
    private struct Counts
    {
        [FieldOffset(128)]
        public long First;

        [FieldOffset(256)]
        public long Second;
    }
}
