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
}
