using System;
using System.Collections.Generic;
using GeneratedBus.Benchmarks.Scenarios;

namespace GeneratedBus.Benchmarks.Quick;

/// <summary>How a goal's ratio is formed from two measured times (ns per operation).</summary>
public enum RatioKind
{
    /// <summary>ours / baseline, lower is better: dispatch cost.</summary>
    TimeAtMost,

    /// <summary>baseline / ours, higher is better: throughput from per-event time.</summary>
    RateAtLeast,
}

/// <summary>One numbered goal of issue 5: which benchmark is ours, which is its baseline, and the bound.</summary>
public sealed record Goal(int Number, string Scenario, string Ours, string Baseline, RatioKind Kind, double Bound, bool ZeroBytes)
{
    /// <summary>The six goals that are ratios of two benchmarks of one run (7 and 8 are absolute).</summary>
    public static IReadOnlyList<Goal> Ratios { get; } =
    [
        new(1, "sync dispatch, 10 listeners", Key<SyncDispatchBenchmarks>(nameof(SyncDispatchBenchmarks.GeneratedDispatcher)), Key<SyncDispatchBenchmarks>(nameof(SyncDispatchBenchmarks.HandWrittenLoop)), RatioKind.TimeAtMost, 1.10, true),
        new(2, "64-event bus, last vs first", Key<FlatDispatchBenchmarks>(nameof(FlatDispatchBenchmarks.Last)), Key<FlatDispatchBenchmarks>(nameof(FlatDispatchBenchmarks.First)), RatioKind.TimeAtMost, 1.20, true),
        new(3, "1 -> 1 lossless vs Channel Wait", Key<LosslessBenchmarks>(nameof(LosslessBenchmarks.BusTimersOff)), Key<LosslessBenchmarks>(nameof(LosslessBenchmarks.ChannelWait)), RatioKind.RateAtLeast, 4.5, true),
        new(4, "2 producers vs 1", Key<TwoProducerBenchmarks>(nameof(TwoProducerBenchmarks.TwoProducers)), Key<TwoProducerBenchmarks>(nameof(TwoProducerBenchmarks.OneProducer)), RatioKind.RateAtLeast, 0.7, true),
        new(5, "drop path vs Channel DropWrite", Key<DropPathBenchmarks>(nameof(DropPathBenchmarks.BusDrop)), Key<DropPathBenchmarks>(nameof(DropPathBenchmarks.ChannelDropWrite)), RatioKind.TimeAtMost, 0.5, true),
        new(6, "timers on vs off", Key<LosslessBenchmarks>(nameof(LosslessBenchmarks.BusTimersOn)), Key<LosslessBenchmarks>(nameof(LosslessBenchmarks.BusTimersOff)), RatioKind.RateAtLeast, 0.5, true),
    ];

    /// <summary>The ratio of two mean times, in this goal's direction.</summary>
    public double Ratio(double oursNs, double baselineNs) =>
        Kind == RatioKind.TimeAtMost ? oursNs / baselineNs : baselineNs / oursNs;

    public bool Met(double ratio, double oursBytes) =>
        (Kind == RatioKind.TimeAtMost ? ratio <= Bound : ratio >= Bound) && (!ZeroBytes || oursBytes == 0);

    public string Target => (Kind == RatioKind.TimeAtMost ? "<= " : ">= ") + Bound.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + "x" + (ZeroBytes ? ", 0 B" : "");

    public static string Key<T>(string method) => typeof(T).Name + "." + method;
}
