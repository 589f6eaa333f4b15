using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using GeneratedBus.Benchmarks.Events;

namespace GeneratedBus.Benchmarks.Quick;

/// <summary>Goal 7: the CPU a started bus with several idle queues uses, as a share of one core.</summary>
public static class IdleCpu
{
    public const int Queues = 4;

    /// <summary>Process CPU over <paramref name="window"/> with no bus, then with a started idle bus; and its threads' own share.</summary>
    public static IdleResult Measure(TimeSpan window)
    {
        double baseline = ProcessShare(window);
        using var bus = new BenchBus(new BusOptions());
        for (int i = 0; i < Queues; i++)
        {
            bus.AddToQueue(new CountingListener(), "idle" + i);
        }

        bus.Start();

        // Let the queues go through their spin and park, as after the last event of a burst.
        bus.Post(new JobSubmitted(1));
        bus.WaitUntilEmpty(TimeSpan.FromSeconds(10));
        Thread.Sleep(100);
        long threadsBefore = BusThreadTicks();
        double process = ProcessShare(window);
        long threadTicks = BusThreadTicks() - threadsBefore;
        double threads = threadTicks * 10.0 / window.TotalMilliseconds;
        return new IdleResult(window, baseline, process, threads);
    }

    private static double ProcessShare(TimeSpan window)
    {
        using Process self = Process.GetCurrentProcess();
        TimeSpan before = self.TotalProcessorTime;
        Thread.Sleep(window);
        self.Refresh();
        return (self.TotalProcessorTime - before).TotalMilliseconds / window.TotalMilliseconds;
    }

    // Linux: utime + stime (10 ms ticks) of the dispatch threads, which are named "GeneratedBus-<queue>".
    private static long BusThreadTicks()
    {
        long ticks = 0;
        foreach (string task in Directory.EnumerateDirectories("/proc/self/task"))
        {
            string stat = File.ReadAllText(Path.Combine(task, "stat"));
            int open = stat.IndexOf('(', StringComparison.Ordinal);
            int close = stat.LastIndexOf(')');
            if (!stat[(open + 1)..close].StartsWith("GeneratedBus", StringComparison.Ordinal))
            {
                continue;
            }

            string[] fields = stat[(close + 2)..].Split(' ');
            ticks += long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture)
                + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture);
        }

        return ticks;
    }
}

/// <summary>Shares of one core: the process without a bus, with an idle bus, and the bus's dispatch threads alone.</summary>
public sealed record IdleResult(TimeSpan Window, double ProcessWithoutBus, double ProcessWithBus, double BusThreads)
{
    public override string ToString() =>
        $"idle {IdleCpu.Queues} queues over {Window.TotalSeconds:F0} s: dispatch threads {BusThreads:P2} of a core; "
        + $"whole process {ProcessWithBus:P2} with the bus, {ProcessWithoutBus:P2} without";
}
