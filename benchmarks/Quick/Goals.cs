using System.Collections.Generic;
using System.Globalization;
using System.Linq;
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

/// <summary>A time per operation and the bytes allocated per operation (negative: not measured).</summary>
public readonly record struct Measured(double Ns, double Bytes)
{
    /// <summary>The time, and the bytes where measured; as a rate too for throughput goals.</summary>
    public string Describe(bool rate)
    {
        string bytes = Bytes < 0 ? "" : string.Create(CultureInfo.InvariantCulture, $", {Bytes:0} B");
        return rate
            ? string.Create(CultureInfo.InvariantCulture, $"{Ns:0.0} ns ({1000 / Ns:0.0} M/s{bytes})")
            : string.Create(CultureInfo.InvariantCulture, $"{Ns:0.0} ns{bytes}");
    }
}

/// <summary>
/// A goal of issue 10 that is a ratio of two benchmarks measured side by side in one run: which benchmark is ours,
/// which its baseline (keys <c>Class.Method</c>), and the bound. Goals 7 and 8 are absolute (see <see cref="RatioTable"/>).
/// </summary>
public sealed record Goal(string Id, string Scenario, string Ours, string Baseline, RatioKind Kind, double Limit, bool ZeroBytes)
{
    /// <summary>The ratio goals, in the order, and issue 5's flat-dispatch goal as an extra row.</summary>
    public static IReadOnlyList<Goal> Ratios { get; } =
    [
        new("1", "per-listener Dispatch vs hand-written switch, 3-event bus", Key<PerListenerDispatch3Benchmarks>(nameof(PerListenerDispatch3Benchmarks.Generated)), Key<PerListenerDispatch3Benchmarks>(nameof(PerListenerDispatch3Benchmarks.HandWritten)), RatioKind.TimeAtMost, 1.10, true),
        new("1", "per-listener Dispatch vs hand-written switch, 22-event bus", Key<PerListenerDispatch22Benchmarks>(nameof(PerListenerDispatch22Benchmarks.Generated)), Key<PerListenerDispatch22Benchmarks>(nameof(PerListenerDispatch22Benchmarks.HandWritten)), RatioKind.TimeAtMost, 1.00, true),
        new("2", "DispatchToAll vs hand loop, 10 listeners", Key<SyncDispatchBenchmarks>(nameof(SyncDispatchBenchmarks.GeneratedDispatcher)), Key<SyncDispatchBenchmarks>(nameof(SyncDispatchBenchmarks.HandWrittenLoop)), RatioKind.TimeAtMost, 1.10, true),
        new("2", "sync bus PostToAll (timers on) vs hand loop", Key<SyncDispatchBenchmarks>(nameof(SyncDispatchBenchmarks.SyncBusTimed)), Key<SyncDispatchBenchmarks>(nameof(SyncDispatchBenchmarks.HandWrittenLoop)), RatioKind.TimeAtMost, 1.10, true),
        new("3", "1 -> 1 lossless vs Channel Wait", Key<LosslessBenchmarks>(nameof(LosslessBenchmarks.BusTimersOff)), Key<LosslessBenchmarks>(nameof(LosslessBenchmarks.ChannelWait)), RatioKind.RateAtLeast, 4.5, true),
        new("4", "2 producers vs 1", Key<TwoProducerBenchmarks>(nameof(TwoProducerBenchmarks.TwoProducers)), Key<TwoProducerBenchmarks>(nameof(TwoProducerBenchmarks.OneProducer)), RatioKind.RateAtLeast, 0.7, true),
        new("5", "drop path vs Channel DropWrite", Key<DropPathBenchmarks>(nameof(DropPathBenchmarks.BusDrop)), Key<DropPathBenchmarks>(nameof(DropPathBenchmarks.ChannelDropWrite)), RatioKind.TimeAtMost, 0.5, true),
        new("6", "timers on vs off", Key<LosslessBenchmarks>(nameof(LosslessBenchmarks.BusTimersOn)), Key<LosslessBenchmarks>(nameof(LosslessBenchmarks.BusTimersOff)), RatioKind.RateAtLeast, 0.5, true),
        new("9", "sync bus PostToAll (timers on) vs Mediator 3.0.2 Publish, 10 handlers", Key<SyncDispatchBenchmarks>(nameof(SyncDispatchBenchmarks.SyncBusTimed)), Key<SyncDispatchBenchmarks>(nameof(SyncDispatchBenchmarks.MediatorPublish)), RatioKind.TimeAtMost, 0.5, true),
        new("extra", "64-event bus, last vs first (issue 5's goal 2)", Key<FlatDispatchBenchmarks>(nameof(FlatDispatchBenchmarks.Last)), Key<FlatDispatchBenchmarks>(nameof(FlatDispatchBenchmarks.First)), RatioKind.TimeAtMost, 1.20, true),
        new("extra", "codec write, 64-event bus, last vs first", Key<FlatCodecWriteBenchmarks>(nameof(FlatCodecWriteBenchmarks.Last)), Key<FlatCodecWriteBenchmarks>(nameof(FlatCodecWriteBenchmarks.First)), RatioKind.TimeAtMost, 1.20, true),
        new("extra", "post to a full queue with the interest filter on vs off, handled event (issue 14)", Key<FilterDropPathBenchmarks>(nameof(FilterDropPathBenchmarks.FilterOn)), Key<FilterDropPathBenchmarks>(nameof(FilterDropPathBenchmarks.FilterOff)), RatioKind.TimeAtMost, 1.10, true),
        new("extra", "lossless post with the interest filter on vs off, handled event (issue 14)", Key<FilterPathBenchmarks>(nameof(FilterPathBenchmarks.FilterOnHandled)), Key<FilterPathBenchmarks>(nameof(FilterPathBenchmarks.FilterOffHandled)), RatioKind.TimeAtMost, 1.10, true),
        new("11", "event log read: generated codec vs System.Text.Json source-gen", Key<EventLogCodecBenchmarks>(nameof(EventLogCodecBenchmarks.ReadGenerated)), Key<EventLogCodecBenchmarks>(nameof(EventLogCodecBenchmarks.ReadStj)), RatioKind.RateAtLeast, 1.5, false),
        new("11", "event log write: generated codec vs System.Text.Json source-gen", Key<EventLogCodecBenchmarks>(nameof(EventLogCodecBenchmarks.WriteGenerated)), Key<EventLogCodecBenchmarks>(nameof(EventLogCodecBenchmarks.WriteStj)), RatioKind.RateAtLeast, 1.0, false),
        new("11", "event log read: generated codec vs bare Utf8JsonReader token pass", Key<EventLogCodecBenchmarks>(nameof(EventLogCodecBenchmarks.ReadGenerated)), Key<EventLogCodecBenchmarks>(nameof(EventLogCodecBenchmarks.TokenPass)), RatioKind.RateAtLeast, 0.5, false),
        new("13", "events/s to redis-server: publisher (script, batches of 256) vs bare pipelined XADD, same JSON", Key<RedisPublishBenchmarks>(nameof(RedisPublishBenchmarks.Publisher)), Key<RedisPublishBenchmarks>(nameof(RedisPublishBenchmarks.BareXadd)), RatioKind.RateAtLeast, 0.8, false),
    ];

    /// <summary>The bound, as a row shows it.</summary>
    public Bound Bound => new(Kind == RatioKind.TimeAtMost ? "<=" : ">=", Limit, "x", ZeroBytes);

    /// <summary>The goal whose ours is <paramref name="oursKey"/>, for a measurement of the same pair another way (a plain loop).</summary>
    public static Goal Of(string oursKey) => Ratios.First(g => g.Ours == oursKey);

    /// <summary>The goal of <paramref name="oursKey"/> against <paramref name="baselineKey"/>, where one ours has several baselines.</summary>
    public static Goal Of(string oursKey, string baselineKey) => Ratios.First(g => g.Ours == oursKey && g.Baseline == baselineKey);

    /// <summary>The key of a benchmark: its class and method name.</summary>
    public static string Key<T>(string method) => typeof(T).Name + "." + method;

    /// <summary>The row of this goal for <paramref name="ours"/> against <paramref name="baseline"/>.</summary>
    /// <param name="ours">Our time and bytes per operation.</param>
    /// <param name="baseline">The baseline's.</param>
    /// <param name="how">Appended to the scenario, to tell another measurement of the same goal apart.</param>
    /// <param name="oursNote">Appended to our measurement's text.</param>
    /// <param name="baselineNote">Appended to the baseline's.</param>
    public GoalRow Row(Measured ours, Measured baseline, string how = "", string oursNote = "", string baselineNote = "")
    {
        double ratio = Kind == RatioKind.TimeAtMost ? ours.Ns / baseline.Ns : baseline.Ns / ours.Ns;
        bool rate = Kind == RatioKind.RateAtLeast;
        bool met = Bound.Holds(ratio) && (!ZeroBytes || ours.Bytes == 0);
        return new GoalRow(Id, Scenario + how, ours.Describe(rate) + oursNote, baseline.Describe(rate) + baselineNote, ratio, Bound, met);
    }
}
