using System;
using System.Collections.Generic;
using GeneratedBus.Benchmarks.Quick;
using GeneratedBus.Benchmarks.Redis;
using GeneratedBus.Benchmarks.Scenarios;

namespace GeneratedBus.Benchmarks.Plain;

/// <summary>
/// The hot paths measured a second way, in plain tier-1 loops (<see cref="PlainLoop"/>): per-listener dispatch
/// (goal 1), sync dispatch to 10 listeners (goals 2 and 9), the drop path (goal 5), the interest filter on a full
/// queue (issue 14), reading the event log (issue 11) and issue 13's appends to redis-server, each with the scenario
/// class's own setup and checks.
/// </summary>
public static class PlainGoals
{
    private const string How = " (plain tier-1 loop)";

    /// <summary>The rows of the scenario classes <paramref name="include"/> accepts.</summary>
    public static List<GoalRow> Run(Func<Type, bool> include)
    {
        var rows = new List<GoalRow>();
        if (include(typeof(PerListenerDispatch3Benchmarks)))
        {
            var trio = new PerListenerDispatch3Benchmarks();
            rows.Add(Measure(trio.Setup, trio.Cleanup, trio.Generated, trio.HandWritten, EventSequence.Length,
                Goal.Key<PerListenerDispatch3Benchmarks>(nameof(trio.Generated))));
        }

        if (include(typeof(PerListenerDispatch22Benchmarks)))
        {
            var spark = new PerListenerDispatch22Benchmarks();
            rows.Add(Measure(spark.Setup, spark.Cleanup, spark.Generated, spark.HandWritten, EventSequence.Length,
                Goal.Key<PerListenerDispatch22Benchmarks>(nameof(spark.Generated))));
        }

        if (include(typeof(SyncDispatchBenchmarks)))
        {
            // Goal 2 twice and goal 9: a fresh scenario each, as Measure sets up and cleans up around one pair.
            var toAll = new SyncDispatchBenchmarks();
            rows.Add(Measure(toAll.Setup, toAll.Cleanup, toAll.GeneratedDispatcherBatch, toAll.HandWrittenBatch, SyncDispatchBenchmarks.Batch,
                Goal.Of(Goal.Key<SyncDispatchBenchmarks>(nameof(toAll.GeneratedDispatcher)), Goal.Key<SyncDispatchBenchmarks>(nameof(toAll.HandWrittenLoop)))));
            var bus = new SyncDispatchBenchmarks();
            rows.Add(Measure(bus.Setup, bus.Cleanup, bus.SyncBusTimedBatch, bus.HandWrittenBatch, SyncDispatchBenchmarks.Batch,
                Goal.Of(Goal.Key<SyncDispatchBenchmarks>(nameof(bus.SyncBusTimed)), Goal.Key<SyncDispatchBenchmarks>(nameof(bus.HandWrittenLoop)))));
            var mediator = new SyncDispatchBenchmarks();
            rows.Add(Measure(mediator.Setup, mediator.Cleanup, mediator.SyncBusTimedBatch, mediator.MediatorPublishBatch, SyncDispatchBenchmarks.Batch,
                Goal.Of(Goal.Key<SyncDispatchBenchmarks>(nameof(mediator.SyncBusTimed)), Goal.Key<SyncDispatchBenchmarks>(nameof(mediator.MediatorPublish)))));
        }

        if (include(typeof(DropPathBenchmarks)))
        {
            var drop = new DropPathBenchmarks();
            rows.Add(Measure(drop.Setup, drop.Cleanup, drop.PostLoop, drop.DropWriteLoop, DropPathBenchmarks.Batch,
                Goal.Key<DropPathBenchmarks>(nameof(drop.BusDrop))));
        }

        if (include(typeof(FilterDropPathBenchmarks)))
        {
            var filter = new FilterDropPathBenchmarks();
            rows.Add(Measure(filter.Setup, filter.Cleanup, filter.FilterOnLoop, filter.FilterOffLoop, FilterDropPathBenchmarks.Batch,
                Goal.Key<FilterDropPathBenchmarks>(nameof(filter.FilterOn))));
        }

        if (include(typeof(EventLogCodecBenchmarks)))
        {
            // Issue 11: reading against its floor, the bare token pass, and against System.Text.Json's source-gen.
            var floor = new EventLogCodecBenchmarks();
            rows.Add(Measure(floor.Setup, floor.Cleanup, floor.ReadGeneratedLoop, floor.TokenPassLoop, EventLogCodecBenchmarks.OperationsPerInvoke,
                Goal.Of(Goal.Key<EventLogCodecBenchmarks>(nameof(floor.ReadGenerated)), Goal.Key<EventLogCodecBenchmarks>(nameof(floor.TokenPass)))));
            var stj = new EventLogCodecBenchmarks();
            rows.Add(Measure(stj.Setup, stj.Cleanup, stj.ReadGeneratedLoop, stj.ReadStjLoop, EventLogCodecBenchmarks.OperationsPerInvoke,
                Goal.Of(Goal.Key<EventLogCodecBenchmarks>(nameof(stj.ReadGenerated)), Goal.Key<EventLogCodecBenchmarks>(nameof(stj.ReadStj)))));
        }

        if (include(typeof(RedisPublishBenchmarks)))
        {
            // Issue 13, one batch of 256 per call; the rig starts its own redis-server and checks the counts at the end.
            Goal redis = Goal.Of(Goal.Key<RedisPublishBenchmarks>(nameof(RedisPublishBenchmarks.Publisher)));
            RedisAppendRig? rig = RedisAppendRig.TryStart();
            rows.Add(rig is null
                ? RedisGoals.Skipped(redis, How)
                : Measure(() => { }, rig.Dispose, rig.PublishBatch, rig.BareXaddBatch, RedisAppendRig.BatchSize, redis));
        }

        return rows;
    }

    private static GoalRow Measure(Action setup, Action cleanup, Action ours, Action baseline, int operationsPerCall, string goalKey) =>
        Measure(setup, cleanup, ours, baseline, operationsPerCall, Goal.Of(goalKey));

    private static GoalRow Measure(Action setup, Action cleanup, Action ours, Action baseline, int operationsPerCall, Goal goal)
    {
        setup();
        PlainPair pair = PlainLoop.Compare(ours, baseline, operationsPerCall);
        cleanup();
        return goal.Row(pair.Ours, pair.Baseline, How, $" ({pair.OursTier})", $" ({pair.BaselineTier})");
    }
}
