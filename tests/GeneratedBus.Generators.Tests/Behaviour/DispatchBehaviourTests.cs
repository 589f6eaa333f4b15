using GeneratedBus.Generators.Tests.Infrastructure;

namespace GeneratedBus.Generators.Tests.Behaviour;

/// <summary>
/// Runs the generated dispatcher and listener bases for real (the bus itself needs the runtime, which is built elsewhere):
/// exact types, subclasses of non-sealed events, unmarked types, the firehose, and boxed record structs.
/// </summary>
public class DispatchBehaviourTests
{
    [Fact]
    public void Events_reach_their_handler_subclasses_their_nearest_event_and_the_rest_OnOtherEvent()
    {
        GeneratorRun run = GeneratorRun.For("""
            using System.Collections.Generic;
            using System.Linq;
            using GeneratedBus;

            namespace Acme.Scheduling;

            public abstract record SchedulerEvent;
            [BusEvent] public record TaskEvent(long TaskId) : SchedulerEvent;
            [BusEvent] public record TaskEnd(long TaskId, string Reason) : TaskEvent(TaskId);
            [BusEvent] public sealed record TaskKilled(long TaskId, string Reason) : TaskEnd(TaskId, Reason);
            public sealed record TaskFailed(long TaskId, string Reason) : TaskEnd(TaskId, Reason);
            public sealed record TaskProbe(long TaskId) : TaskEvent(TaskId);
            public sealed record Unmarked : SchedulerEvent;

            public sealed class Recorder : SchedulerListener
            {
                public List<string> Calls { get; } = new();
                public override void OnTask(TaskEvent e) => Calls.Add("OnTask");
                public override void OnTaskEnd(TaskEnd e) => Calls.Add("OnTaskEnd");
                public override void OnTaskKilled(TaskKilled e) => Calls.Add("OnTaskKilled");
                public override void OnOtherEvent(SchedulerEvent e) => Calls.Add("OnOtherEvent");
            }

            public sealed class Hose : SchedulerFirehoseListener
            {
                public List<string> Calls { get; } = new();
                public override void OnEvent(SchedulerEvent e) => Calls.Add(e.GetType().Name);
            }

            public static class Probe
            {
                public static string Run()
                {
                    SchedulerEvent[] events = { new TaskEvent(1), new TaskEnd(2, "x"), new TaskKilled(3, "x"), new TaskFailed(4, "x"), new TaskProbe(5), new Unmarked() };
                    var recorder = new Recorder();
                    var hose = new Hose();
                    foreach (SchedulerEvent e in events)
                    {
                        SchedulerDispatcher.Dispatch(recorder, e);
                        SchedulerDispatcher.Dispatch(hose, e);
                    }

                    return string.Join(",", events.Select(SchedulerDispatcher.KindOf)) + "|" + string.Join(",", recorder.Calls) + "|" + string.Join(",", hose.Calls);
                }
            }
            """);

        object? result = CompiledAssembly.Invoke(run, "Acme.Scheduling.Probe", "Run");

        Assert.Equal(
            "Task,TaskEnd,TaskKilled,TaskEnd,Task,Other"
            + "|OnTask,OnTaskEnd,OnTaskKilled,OnTaskEnd,OnTask,OnOtherEvent"
            + "|TaskEvent,TaskEnd,TaskKilled,TaskFailed,TaskProbe,Unmarked",
            result);
    }

    [Fact]
    public void Boxed_record_structs_dispatch_through_an_interface_root()
    {
        GeneratorRun run = GeneratorRun.For("""
            using System.Collections.Generic;
            using GeneratedBus;

            namespace Acme.Metrics;

            [EventBus] public interface IMetricEvent { }
            [BusEvent] public readonly record struct CpuSample(double Load) : IMetricEvent;
            [BusEvent] public sealed record ThresholdCrossed(double Value) : IMetricEvent;
            public readonly record struct Unmarked(int X) : IMetricEvent;

            public sealed class Recorder : MetricListener
            {
                public List<string> Calls { get; } = new();
                public override void OnCpuSample(CpuSample e) => Calls.Add("Cpu " + e.Load);
                public override void OnThresholdCrossed(ThresholdCrossed e) => Calls.Add("Threshold " + e.Value);
                public override void OnOtherEvent(IMetricEvent e) => Calls.Add("Other");
            }

            public static class Probe
            {
                public static string Run()
                {
                    var recorder = new Recorder();
                    MetricDispatcher.Dispatch(recorder, new CpuSample(2));
                    MetricDispatcher.Dispatch(recorder, new ThresholdCrossed(3));
                    MetricDispatcher.Dispatch(recorder, new Unmarked(4));
                    return string.Join(",", recorder.Calls);
                }
            }
            """);

        object? result = CompiledAssembly.Invoke(run, "Acme.Metrics.Probe", "Run");

        Assert.Equal("Cpu 2,Threshold 3,Other", result);
    }

    [Fact]
    public void Dispatch_allocates_nothing_and_switches_through_one_jump_table_over_64_events()
    {
        const int count = 64;
        var events = new System.Text.StringBuilder();
        var posts = new System.Text.StringBuilder();
        for (int i = 0; i < count; i++)
        {
            events.Append("[BusEvent] public sealed record E").Append(i).Append("(int Value) : SchedulerEvent;\n");
            posts.Append("new E").Append(i).Append("(").Append(i).Append("), ");
        }

        GeneratorRun run = GeneratorRun.For($$"""
            using System;
            using System.Linq;
            using System.Reflection;
            using GeneratedBus;

            namespace Acme.Scheduling;

            public abstract record SchedulerEvent;
            {{events}}
            public sealed record Unmarked : SchedulerEvent;
            [EventBus] public interface IMetricEvent { }
            [BusEvent] public readonly record struct CpuSample(double Load) : IMetricEvent;

            public sealed class Quiet : SchedulerListener { }
            public sealed class QuietMetrics : MetricListener { }

            public static class Probe
            {
                public static string Run()
                {
                    SchedulerEvent[] events = { {{posts}}new Unmarked() };
                    IMetricEvent boxed = new CpuSample(1);
                    var quiet = new Quiet();
                    var metrics = new QuietMetrics();
                    Loop(events, boxed, quiet, metrics);
                    long before = GC.GetAllocatedBytesForCurrentThread();
                    Loop(events, boxed, quiet, metrics);
                    long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

                    MethodInfo dispatch = typeof(SchedulerDispatcher).GetMethod("Dispatch", new[] { typeof(ISchedulerListener), typeof(SchedulerEvent), typeof(SchedulerEventKind) })!;
                    byte[] il = dispatch.GetMethodBody()!.GetILAsByteArray()!;
                    // The 'switch' opcode (0x45) with its target count as a little-endian int32.
                    int tables = Enumerable.Range(0, il.Length - 4).Count(i => il[i] == 0x45 && BitConverter.ToInt32(il, i + 1) == {{count}});
                    return allocated + " bytes, " + tables + " table";
                }

                private static void Loop(SchedulerEvent[] events, IMetricEvent boxed, Quiet quiet, QuietMetrics metrics)
                {
                    for (int round = 0; round < 100; round++)
                    {
                        foreach (SchedulerEvent e in events)
                        {
                            SchedulerDispatcher.Dispatch(quiet, e);
                        }

                        MetricDispatcher.Dispatch(metrics, boxed);
                    }
                }
            }
            """);

        object? result = CompiledAssembly.Invoke(run, "Acme.Scheduling.Probe", "Run");

        Assert.Equal("0 bytes, 1 table", result);
    }
}
