using System;
using System.Diagnostics;
using System.Linq;
using System.Runtime;
using System.Threading;
using GeneratedBus.Benchmarks.Quick;

namespace GeneratedBus.Benchmarks.Plain;

/// <summary>Two measured loops side by side: ns and bytes per operation, and the tier each ran at.</summary>
public sealed record PlainPair(Measured Ours, Measured Baseline, string OursTier, string BaselineTier);

/// <summary>
/// Times a hot path the way an application runs it: a plain loop inside a method that tiered up on its own, by being
/// called often, with tiered PGO as it is by default (no <c>AggressiveOptimization</c>, which would skip the
/// instrumented tier and so the profile). Beside its baseline in the same harness, the two interleaved.
/// </summary>
public static class PlainLoop
{
    // Short calls, then a pause, per round: call counting starts once the JIT has been quiet for 100 ms, promotes
    // after 30 calls, and with PGO goes through an instrumented tier first, so a few rounds take a method to tier 1.
    private const int CallsPerRound = 50;
    private const int MaxRounds = 40;
    private const int Samples = 11;
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan SampleTime = TimeSpan.FromMilliseconds(40);

    /// <summary>Warms both loops up to tier 1, then times them in interleaved samples; medians per operation.</summary>
    /// <param name="ours">One call of our loop.</param>
    /// <param name="baseline">One call of the baseline's loop.</param>
    /// <param name="operationsPerCall">Operations one call of either loop performs.</param>
    public static PlainPair Compare(Action ours, Action baseline, int operationsPerCall)
    {
        (string oursTier, string baselineTier) = WarmUp(ours, baseline);
        int oursCalls = CallsPerSample(ours);
        int baselineCalls = CallsPerSample(baseline);
        var oursNs = new double[Samples];
        var baselineNs = new double[Samples];
        long oursBytes = 0;
        long baselineBytes = 0;
        for (int s = 0; s < Samples; s++)
        {
            // Alternate which goes first, so neither always runs right after the other's cache and predictor state.
            if (s % 2 == 0)
            {
                oursNs[s] = Sample(ours, oursCalls, operationsPerCall, ref oursBytes);
                baselineNs[s] = Sample(baseline, baselineCalls, operationsPerCall, ref baselineBytes);
            }
            else
            {
                baselineNs[s] = Sample(baseline, baselineCalls, operationsPerCall, ref baselineBytes);
                oursNs[s] = Sample(ours, oursCalls, operationsPerCall, ref oursBytes);
            }
        }

        return new PlainPair(
            new Measured(Median(oursNs), (double)oursBytes / ((long)Samples * oursCalls * operationsPerCall)),
            new Measured(Median(baselineNs), (double)baselineBytes / ((long)Samples * baselineCalls * operationsPerCall)),
            oursTier,
            baselineTier);
    }

    // Rounds until both loops are tier-1 code and a whole round compiled nothing more (the callees are settled too).
    private static (string Ours, string Baseline) WarmUp(Action ours, Action baseline)
    {
        using var watch = new TierWatch();
        for (int round = 0; ; round++)
        {
            long compiled = JitInfo.GetCompiledMethodCount();
            for (int i = 0; i < CallsPerRound; i++)
            {
                ours();
                baseline();
            }

            Thread.Sleep(Pause);
            string oursTier = watch.TierOf(ours.Method);
            string baselineTier = watch.TierOf(baseline.Method);
            bool settled = oursTier == "Tier1" && baselineTier == "Tier1" && JitInfo.GetCompiledMethodCount() == compiled;
            if (settled || round == MaxRounds)
            {
                string suffix = settled ? $" after {round + 1} rounds" : $", not settled after {round + 1} rounds";
                return (oursTier + suffix, baselineTier + suffix);
            }
        }
    }

    private static int CallsPerSample(Action loop)
    {
        long start = Stopwatch.GetTimestamp();
        loop();
        double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        return (int)Math.Clamp(SampleTime.TotalSeconds / Math.Max(seconds, 1e-9), 1, int.MaxValue);
    }

    private static double Sample(Action loop, int calls, int operationsPerCall, ref long bytes)
    {
        long allocated = GC.GetAllocatedBytesForCurrentThread();
        long start = Stopwatch.GetTimestamp();
        for (int i = 0; i < calls; i++)
        {
            loop();
        }

        double ns = Stopwatch.GetElapsedTime(start).TotalNanoseconds;
        bytes += GC.GetAllocatedBytesForCurrentThread() - allocated;
        return ns / ((double)calls * operationsPerCall);
    }

    private static double Median(double[] values)
    {
        double[] sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }
}
