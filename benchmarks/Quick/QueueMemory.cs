using System;
using System.Globalization;
using System.IO;
using System.Threading;
using GeneratedBus.Benchmarks.Events;

namespace GeneratedBus.Benchmarks.Quick;

/// <summary>
/// Issue 14, point 4: the resident memory a started queue takes for its capacity while it holds a few events. Run
/// once per capacity in a fresh process (<c>--memory 10000000</c>, <c>--memory 16384</c>), since a process keeps
/// pages it has touched.
/// </summary>
public static class QueueMemory
{
    /// <summary>The events the queue holds when measured: one in the blocked listener, the rest queued.</summary>
    public const int Held = 100;

    /// <summary>The process's resident set before and after a started bus with one queue of <paramref name="capacity"/> holding <see cref="Held"/> events.</summary>
    public static string Measure(int capacity)
    {
        // The bus's own code and the runtime's first allocations are paid by a small bus first, so the delta is the queue's.
        using (var warm = new BenchBus(new BusOptions { QueueCapacity = 16 }))
        {
            warm.AddToSharedQueue(new CountingListener());
            warm.Start();
            warm.Post(new JobSubmitted(1));
            warm.Stop();
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        long before = ResidentBytes();
        var bus = new BenchBus(new BusOptions { QueueCapacity = capacity });
        var blocking = new BlockingListener();
        bus.AddToSharedQueue(blocking);
        bus.Start();
        for (int i = 0; i < Held; i++)
        {
            bus.Post(new JobSubmitted(i));
        }

        Thread.Sleep(200);
        GC.Collect();
        long after = ResidentBytes();
        QueueStats stats = bus.GetStats().Queues[BenchBus.SharedQueue];
        blocking.Release();
        bus.Dispose();
        if (stats.Dropped != 0)
        {
            throw new InvalidOperationException($"The queue dropped {stats.Dropped} of {Held} events.");
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"queue capacity {capacity:N0} holding {Held} events: resident set +{(after - before) / 1048576.0:F1} MiB ({before / 1048576.0:F1} -> {after / 1048576.0:F1} MiB); a whole slot array would be {SlotArrayBytes(capacity) / 1048576.0:F0} MiB");
    }

    // Linux: VmRSS from /proc/self/status, in kB.
    private static long ResidentBytes()
    {
        foreach (string line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture) * 1024;
            }
        }

        return Environment.WorkingSet;
    }

    // The ring's size before segments: (capacity + 32) rounded up to a power of two, 24 bytes a slot.
    private static long SlotArrayBytes(int capacity)
    {
        long slots = 1;
        while (slots < (long)capacity + 32)
        {
            slots <<= 1;
        }

        return slots * 24;
    }
}
