using System;
using System.Buffers;
using System.Collections.Generic;
using GeneratedBus.EventLog;
using SparkScheduler.Cli;
using SparkScheduler.Events;
using SparkScheduler.Listeners;
using SparkScheduler.Listeners.Liveness;
using SparkScheduler.Simulation;
using GeneratedBus.Samples.Tests.Support;

namespace GeneratedBus.Samples.Tests;

/// <summary>
/// Every event the simulation posts survives Spark's JSON names (the generated codec writes and reads it back equal), and
/// <see cref="AppStatusListener"/> fed the read-back events gives the run's "App status" summary: the ground a replay of
/// the main job's own event log stands on.
/// </summary>
public sealed class SparkCodecRoundTripTests
{
    [Fact]
    public void The_simulations_events_read_back_equal_and_give_the_same_app_status()
    {
        SchedulerOptions options = OptionsParser.Parse([.. SampleRun.SmallWorkload, "--task-failure-rate", "0.04", "--app-name", "round <trip>"]);
        var clock = new SimulationClock(DateTimeOffset.FromUnixTimeMilliseconds(DagScheduler.StartMs));
        var live = new AppStatusListener();
        var replayed = new AppStatusListener();
        var output = new ArrayBufferWriter<byte>();
        using var lines = new EventLineWriter<SparkListenerEvent>(SparkJsonCodec.Instance, output);
        var kinds = new HashSet<SparkEventKind>();
        long first = DagScheduler.StartMs + (long)ExpiryRule.CheckInterval(options.ExecutorTimeout).TotalMilliseconds;

        new DagScheduler(options, clock, e =>
        {
            SparkDispatcher.Dispatch(live, e);
            output.ResetWrittenCount();
            lines.WriteLine(e);
            ReadOnlySpan<byte> line = output.WrittenSpan.TrimEnd((byte)'\n');
            EventReadResult<SparkListenerEvent> read = SparkJsonCodec.Instance.Read(line);
            Assert.True(read.IsOk, $"{read} from {System.Text.Encoding.UTF8.GetString(line)}");
            AssertEquivalent(e, read.Event!);
            kinds.Add(SparkDispatcher.KindOf(e));
            SparkDispatcher.Dispatch(replayed, read.Event!);
        }, first).Run();

        Assert.Equal(22, kinds.Count);
        Assert.Equal(live.Summary(), replayed.Summary());
        Assert.Equal("round <trip>", replayed.Summary().ApplicationName);
    }

    // Records compare their collections by reference, so equal events are compared through their JSON instead.
    private static void AssertEquivalent(SparkListenerEvent expected, SparkListenerEvent actual)
    {
        Assert.Equal(expected.GetType(), actual.GetType());
        Assert.Equal(Json(expected), Json(actual));
    }

    private static string Json(SparkListenerEvent e)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            SparkJsonCodec.Instance.Write(writer, e);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
