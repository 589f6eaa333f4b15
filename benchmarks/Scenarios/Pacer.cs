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
        for (int spins = 0; ; spins++)
        {
            long needed = _base + Volatile.Read(ref _counts.First) + Volatile.Read(ref _counts.Second) - window;
            if (listener.Count >= needed)
            {
                return;
            }

            Pause(listener, needed, spins);
        }
    }

    /// <summary>Waits until the consumer has had every event of the round.</summary>
    public void WaitForDrain(long events) => WaitFor(listener, _base + events);

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
    /// then blocks until the consumer signals: like a bounded channel's writer, a producer that waits long gives its
    /// core away. On 2 cores with a third busy thread, a producer that only yielded kept its core while the consumer
    /// queued for the other one.
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

    [StructLayout(LayoutKind.Explicit, Size = 384)]
    private struct Counts
    {
        [FieldOffset(128)]
        public long First;

        [FieldOffset(256)]
        public long Second;
    }
}
