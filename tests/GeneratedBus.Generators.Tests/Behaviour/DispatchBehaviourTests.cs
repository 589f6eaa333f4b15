using System.Linq;
using GeneratedBus.Generators.Tests.Infrastructure;

namespace GeneratedBus.Generators.Tests.Behaviour;

/// <summary>
/// Runs the generated dispatcher and listener bases for real (the bus itself needs the runtime, which is built elsewhere):
/// exact types, subclasses of non-sealed events, unmarked types, the firehose, and boxed record structs, on small buses
/// (a type switch) and larger ones (a kind map), by every path: KindOf, Dispatch, DispatchToAll and the runtime's contract
/// (per listener and per run; DispatchSpanBehaviourTests has the run's resumption and failures).
/// </summary>
public class DispatchBehaviourTests
{
    // 3 events take the type switch, 30 the kind map: both must give every type the same handler, by every path.
    [Theory]
    [InlineData(0)]
    [InlineData(27)]
    public void Events_reach_their_handler_subclasses_their_nearest_event_and_the_rest_OnOtherEvent(int padding)
    {
        var pads = new System.Text.StringBuilder();
        var handlers = new System.Text.StringBuilder();
        var posts = new System.Text.StringBuilder();
        for (int i = 0; i < padding; i++)
        {
            pads.Append("[BusEvent] public sealed record Pad").Append(i).Append("(int Value) : SchedulerEvent;\n");
            handlers.Append("    public override void OnPad").Append(i).Append("(Pad").Append(i).Append(" e) => Calls.Add(\"OnPad").Append(i).Append("\");\n");
            posts.Append(", new Pad").Append(i).Append("(").Append(i).Append(")");
        }

        GeneratorRun run = GeneratorRun.For($$"""
            using System.Collections.Generic;
            using System.Linq;
            using System.Reflection;
            using GeneratedBus;

            namespace Acme.Scheduling;

            public abstract record SchedulerEvent;
            [BusEvent] public record TaskEvent(long TaskId) : SchedulerEvent;
            [BusEvent] public record TaskEnd(long TaskId, string Reason) : TaskEvent(TaskId);
            [BusEvent] public sealed record TaskKilled(long TaskId, string Reason) : TaskEnd(TaskId, Reason);
            public sealed record TaskFailed(long TaskId, string Reason) : TaskEnd(TaskId, Reason);
            public record TaskLost(long TaskId, string Reason) : TaskEnd(TaskId, Reason);
            public sealed record TaskLostTwice(long TaskId, string Reason) : TaskLost(TaskId, Reason);
            public sealed record TaskProbe(long TaskId) : TaskEvent(TaskId);
            public sealed record Unmarked : SchedulerEvent;
            {{pads}}
            public sealed class Recorder : SchedulerListener
            {
                public List<string> Calls { get; } = new();
                public override void OnTask(TaskEvent e) => Calls.Add("OnTask");
                public override void OnTaskEnd(TaskEnd e) => Calls.Add("OnTaskEnd");
                public override void OnTaskKilled(TaskKilled e) => Calls.Add("OnTaskKilled");
                public override void OnOtherEvent(SchedulerEvent e) => Calls.Add("OnOtherEvent");
            {{handlers}}}

            public sealed class Hose : SchedulerFirehoseListener
            {
                public List<string> Calls { get; } = new();
                public override void OnEvent(SchedulerEvent e) => Calls.Add(e.GetType().Name);
            }

            public static class Probe
            {
                public static string Run()
                {
                    SchedulerEvent[] events =
                    {
                        new TaskEvent(1), new TaskEnd(2, "x"), new TaskKilled(3, "x"), new TaskFailed(4, "x"), new TaskLost(5, "x"),
                        new TaskLostTwice(6, "x"), new TaskProbe(7), new Unmarked(){{posts}},
                    };
                    var recorder = new Recorder();
                    var hose = new Hose();
                    var all = new Recorder();
                    var runtime = new Recorder();
                    var run = new Recorder();
                    IEventDispatcher<ISchedulerListener, SchedulerEvent> contract = default(SchedulerDispatcher);
                    foreach (SchedulerEvent e in events)
                    {
                        SchedulerDispatcher.Dispatch(recorder, e);
                        SchedulerDispatcher.Dispatch(hose, e);
                        SchedulerDispatcher.DispatchToAll(new ISchedulerListener[] { all, all }, e);
                        contract.Dispatch(runtime, e, contract.Classify(e));
                        int next = 0;
                        Span<SchedulerDispatcher>(new ISchedulerListener[] { run }, e, contract.Classify(e), ref next);
                    }

                    string kinds = string.Join(",", events.Select(e => SchedulerDispatcher.KindOf(e)));
                    string twice = string.Join(",", all.Calls.Where((_, i) => i % 2 == 0));
                    bool same = all.Calls.Where((_, i) => i % 2 == 0).SequenceEqual(all.Calls.Where((_, i) => i % 2 == 1));
                    // Only the kind map has a static field.
                    string strategy = typeof(SchedulerDispatcher).GetFields(BindingFlags.NonPublic | BindingFlags.Static).Length == 0 ? "switch" : "map";
                    return strategy + "|" + kinds + "|" + string.Join(",", recorder.Calls) + "|" + twice + (same ? "" : " (not twice)") + "|"
                        + string.Join(",", runtime.Calls) + "|" + string.Join(",", run.Calls) + "|" + string.Join(",", hose.Calls);
                }

                // As the runtime calls it: on default(TDispatcher), no boxing.
                private static void Span<TDispatcher>(ISchedulerListener[] listeners, SchedulerEvent e, int kind, ref int next)
                    where TDispatcher : struct, IEventSpanDispatcher<ISchedulerListener, SchedulerEvent>
                    => default(TDispatcher).DispatchSpan(listeners, e, kind, ref next);
            }
            """);

        object? result = CompiledAssembly.Invoke(run, "Acme.Scheduling.Probe", "Run");

        string[] padNames = Enumerable.Range(0, padding).Select(i => "Pad" + i).ToArray();
        string kinds = string.Join(",", new[] { "Task", "TaskEnd", "TaskKilled", "TaskEnd", "TaskEnd", "TaskEnd", "Task", "Other" }.Concat(padNames));
        string calls = string.Join(
            ",",
            new[] { "OnTask", "OnTaskEnd", "OnTaskKilled", "OnTaskEnd", "OnTaskEnd", "OnTaskEnd", "OnTask", "OnOtherEvent" }.Concat(padNames.Select(n => "On" + n)));
        string types = string.Join(
            ",",
            new[] { "TaskEvent", "TaskEnd", "TaskKilled", "TaskFailed", "TaskLost", "TaskLostTwice", "TaskProbe", "Unmarked" }.Concat(padNames));
        Assert.Equal($"{(padding == 0 ? "switch" : "map")}|{kinds}|{calls}|{calls}|{calls}|{calls}|{types}", result);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(27)]
    public void A_kind_that_does_not_fit_the_event_throws_and_names_both_instead_of_casting(int padding)
    {
        string pads = string.Concat(Enumerable.Range(0, padding).Select(i => $"[BusEvent] public sealed record Pad{i}(int Value) : SchedulerEvent;\n"));
        GeneratorRun run = GeneratorRun.For($$"""
            using System;
            using System.Collections.Generic;
            using GeneratedBus;

            namespace Acme.Scheduling;

            public abstract record SchedulerEvent;
            [BusEvent] public sealed record JobStart(int JobId) : SchedulerEvent;
            [BusEvent] public sealed record JobEnd(int JobId) : SchedulerEvent;
            {{pads}}
            public sealed class Recorder : SchedulerListener
            {
                public List<string> Calls { get; } = new();
                public override void OnJobStart(JobStart e) => Calls.Add("OnJobStart");
                public override void OnJobEnd(JobEnd e) => Calls.Add("OnJobEnd");
            }

            public static class Probe
            {
                public static string Run()
                {
                    IEventDispatcher<ISchedulerListener, SchedulerEvent> contract = default(SchedulerDispatcher);
                    var r = new Recorder();
                    return string.Join("\n",
                        Try(() => contract.Dispatch(r, new JobStart(1), (int)SchedulerEventKind.JobEnd)),
                        Try(() => contract.Dispatch(r, new JobStart(1), 99)),
                        Try(() => contract.Dispatch(r, new JobStart(1), -1)),
                        Try(() => contract.Dispatch(r, new JobEnd(1), (int)SchedulerEventKind.JobEnd)),
                        Try(() => SchedulerDispatcher.Dispatch(r, null!)),
                        Try(() => SchedulerDispatcher.DispatchToAll(new ISchedulerListener[] { r }, null!)),
                        Try(() => SchedulerDispatcher.KindOf(null!)),
                        string.Join(",", r.Calls));
                }

                private static string Try(Action action)
                {
                    try
                    {
                        action();
                        return "ok";
                    }
                    catch (Exception ex)
                    {
                        return ex.GetType().Name + " " + ex.Message.Split('\n')[0];
                    }
                }
            }
            """);

        string[] result = ((string)CompiledAssembly.Invoke(run, "Acme.Scheduling.Probe", "Run")!).Split('\n');

        Assert.Equal(
            [
                "ArgumentException Kind 2 (JobEnd) does not fit an event of type Acme.Scheduling.JobStart. (Parameter 'kind')",
                "ArgumentOutOfRangeException Not a member of SchedulerEventKind. (Parameter 'kind')",
                "ArgumentOutOfRangeException Not a member of SchedulerEventKind. (Parameter 'kind')",
                "ok",
                "ArgumentNullException Value cannot be null. (Parameter 'e')",
                "ArgumentNullException Value cannot be null. (Parameter 'e')",
                "ArgumentNullException Value cannot be null. (Parameter 'e')",
                "OnJobEnd",
            ],
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
                    IEventDispatcher<IMetricListener, IMetricEvent> contract = default(MetricDispatcher);
                    IMetricEvent boxed = new CpuSample(5);
                    contract.Dispatch(recorder, boxed, contract.Classify(boxed));
                    try
                    {
                        contract.Dispatch(recorder, boxed, (int)MetricEventKind.ThresholdCrossed);
                    }
                    catch (System.ArgumentException ex)
                    {
                        recorder.Calls.Add(ex.Message.Substring(0, ex.Message.IndexOf(" (Parameter", System.StringComparison.Ordinal)));
                    }

                    return string.Join(",", recorder.Calls);
                }
            }
            """);

        object? result = CompiledAssembly.Invoke(run, "Acme.Metrics.Probe", "Run");

        Assert.Equal("Cpu 2,Threshold 3,Other,Cpu 5,Kind 2 (ThresholdCrossed) does not fit an event of type Acme.Metrics.CpuSample.", result);
    }

    [Fact]
    public void Dispatch_allocates_nothing_and_every_dispatch_path_switches_through_one_jump_table_over_64_events()
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
                    ISchedulerListener[] listeners = { quiet, quiet };
                    Loop(events, boxed, quiet, listeners, metrics);
                    long before = GC.GetAllocatedBytesForCurrentThread();
                    Loop(events, boxed, quiet, listeners, metrics);
                    long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

                    MethodInfo dispatch = typeof(SchedulerDispatcher).GetMethod("Dispatch", new[] { typeof(ISchedulerListener), typeof(SchedulerEvent) })!;
                    MethodInfo kindPath = typeof(SchedulerDispatcher).GetMethods(BindingFlags.NonPublic | BindingFlags.Instance).Single(m => m.Name.EndsWith(".Dispatch"));
                    MethodInfo spanPath = typeof(SchedulerDispatcher).GetMethods(BindingFlags.NonPublic | BindingFlags.Instance).Single(m => m.Name.EndsWith(".DispatchSpan"));
                    return allocated + " bytes, " + Tables(dispatch, {{count}}) + " table, " + Tables(kindPath, {{count}} + 1) + " table, "
                        + Tables(spanPath, {{count}} + 1) + " table";
                }

                // The 'switch' opcode (0x45) with its target count as a little-endian int32.
                private static int Tables(MethodInfo method, int targets)
                {
                    byte[] il = method.GetMethodBody()!.GetILAsByteArray()!;
                    return Enumerable.Range(0, il.Length - 4).Count(i => il[i] == 0x45 && BitConverter.ToInt32(il, i + 1) == targets);
                }

                private static void Span<TDispatcher>(ISchedulerListener[] listeners, SchedulerEvent e, int kind, ref int next)
                    where TDispatcher : struct, IEventSpanDispatcher<ISchedulerListener, SchedulerEvent>
                    => default(TDispatcher).DispatchSpan(listeners, e, kind, ref next);

                private static void Loop(SchedulerEvent[] events, IMetricEvent boxed, Quiet quiet, ISchedulerListener[] listeners, QuietMetrics metrics)
                {
                    for (int round = 0; round < 100; round++)
                    {
                        foreach (SchedulerEvent e in events)
                        {
                            SchedulerDispatcher.Dispatch(quiet, e);
                            int next = 0;
                            Span<SchedulerDispatcher>(listeners, e, (int)SchedulerDispatcher.KindOf(e), ref next);
                        }

                        MetricDispatcher.Dispatch(metrics, boxed);
                    }
                }
            }
            """);

        object? result = CompiledAssembly.Invoke(run, "Acme.Scheduling.Probe", "Run");

        Assert.Equal("0 bytes, 1 table, 1 table, 1 table", result);
    }
}
