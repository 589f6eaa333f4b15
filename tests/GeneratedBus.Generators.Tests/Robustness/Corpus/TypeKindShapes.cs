using System.Collections.Generic;

namespace GeneratedBus.Generators.Tests.Robustness.Corpus;

/// <summary>Corpus: kinds of type as events and roots, file-local types, the global namespace and attribute spellings.</summary>
public static class TypeKindShapes
{
    /// <summary>The cases.</summary>
    public static IReadOnlyList<CorpusCase> All { get; } =
    [
        CorpusCase.Reports(
            "File-local event",
            new("GB0003", "Acme.Local"),
            "using GeneratedBus; namespace Acme; public abstract record SchedulerEvent; [BusEvent] file sealed record Local(int X) : SchedulerEvent;"),
        CorpusCase.Reports(
            "File-local root with a file-local event",
            new("GB0009", "Acme.Root"),
            "using GeneratedBus; namespace Acme; file abstract record Root; [BusEvent] file sealed record A(int X) : Root;"),
        CorpusCase.Clean(
            "Readonly record struct, record struct and record class under one interface root",
            "Cpu 2,Memory 3,Threshold 4,Other",
            """
            using System.Collections.Generic;
            using GeneratedBus;
            namespace Acme;
            [EventBus] public interface IMetricEvent { }
            [BusEvent] public readonly record struct CpuSample(double Load) : IMetricEvent;
            [BusEvent] public record struct MemorySample(long Bytes) : IMetricEvent;
            [BusEvent] public sealed record class ThresholdCrossed(double Value) : IMetricEvent;
            public readonly record struct Unmarked(int X) : IMetricEvent;
            public static class Probe
            {
                private sealed class Recorder : MetricListener
                {
                    public List<string> Calls { get; } = new();
                    public override void OnCpuSample(CpuSample e) => Calls.Add("Cpu " + e.Load);
                    public override void OnMemorySample(MemorySample e) => Calls.Add("Memory " + e.Bytes);
                    public override void OnThresholdCrossed(ThresholdCrossed e) => Calls.Add("Threshold " + e.Value);
                    public override void OnOtherEvent(IMetricEvent e) => Calls.Add("Other");
                }

                public static string Run()
                {
                    var r = new Recorder();
                    IMetricEvent[] events = [new CpuSample(2), new MemorySample(3), new ThresholdCrossed(4), new Unmarked(5)];
                    foreach (IMetricEvent e in events) { MetricDispatcher.Dispatch(r, e); }
                    return string.Join(",", r.Calls);
                }
            }
            """),
        CorpusCase.Reports(
            "Record struct without an interface root",
            new("GB0004", "Acme.Sample"),
            "using GeneratedBus; namespace Acme; [BusEvent] public readonly record struct Sample(double Value);"),
        CorpusCase.Reports(
            "Generic record event",
            new("GB0002", "Acme.Wrapped<T>"),
            "using GeneratedBus; namespace Acme; public abstract record SchedulerEvent; [BusEvent] public sealed record Wrapped<T>(T Value) : SchedulerEvent;"),
        CorpusCase.Reports(
            "Generic root",
            new("GB0010", "Acme.Root<int>"),
            "using GeneratedBus; namespace Acme; public abstract record Root<T>; [BusEvent] public sealed record A(int X) : Root<int>;"),
        CorpusCase.Reports(
            "Struct that is not a record struct",
            new("GB0001", "Acme.Plain"),
            "using GeneratedBus; namespace Acme; public interface IPlain { } [BusEvent] public struct Plain : IPlain { }"),
        CorpusCase.Reports(
            "Interface root with a static abstract member",
            new("GB0012", "Acme.IMetricEvent"),
            "using GeneratedBus; namespace Acme; [EventBus] public interface IMetricEvent { static abstract int Id { get; } } [BusEvent] public sealed record A(int X) : IMetricEvent { public static int Id => 1; }"),
        CorpusCase.Clean(
            "Abstract events and a deep chain: unmarked subtypes reach their nearest marked ancestor",
            "OnL1,OnL3,OnL3,OnL5,OnOtherEvent",
            """
            using System.Collections.Generic;
            using GeneratedBus;
            namespace Acme;
            public abstract record ChainEvent;
            [BusEvent] public abstract record L1 : ChainEvent;
            public abstract record L2 : L1;
            [BusEvent] public record L3 : L2;
            public record L4 : L3;
            [BusEvent] public sealed record L5 : L4;
            public sealed record U1 : L1;
            public sealed record Unmarked : ChainEvent;
            public static class Probe
            {
                private sealed class Recorder : ChainListener
                {
                    public List<string> Calls { get; } = new();
                    public override void OnL1(L1 e) => Calls.Add("OnL1");
                    public override void OnL3(L3 e) => Calls.Add("OnL3");
                    public override void OnL5(L5 e) => Calls.Add("OnL5");
                    public override void OnOtherEvent(ChainEvent e) => Calls.Add("OnOtherEvent");
                }

                public static string Run()
                {
                    var r = new Recorder();
                    ChainEvent[] events = [new U1(), new L3(), new L4(), new L5(), new Unmarked()];
                    foreach (ChainEvent e in events) { ChainDispatcher.Dispatch(r, e); }
                    return string.Join(",", r.Calls);
                }
            }
            """),
        new CorpusCase(
            "Root, events and probe in the global namespace",
            ["""
            using GeneratedBus;
            public abstract record PipelineEvent;
            [BusEvent] public sealed record StageSubmitted(int StageId) : PipelineEvent;
            public static class Probe
            {
                private sealed class Recorder : PipelineListener { public string Seen = ""; public override void OnStageSubmitted(StageSubmitted e) => Seen = "OnStageSubmitted " + e.StageId; }
                public static string Run() { var r = new Recorder(); PipelineDispatcher.Dispatch(r, new StageSubmitted(9)); return r.Seen; }
            }
            """],
            [],
            ProbeType: "Probe",
            ProbeResult: "OnStageSubmitted 9"),
        CorpusCase.Clean(
            "Attribute through a local alias, a global alias, qualified and in full",
            "A,B,C,D",
            "global using GlobalMarker = GeneratedBus.BusEventAttribute;",
            """
            using System.Linq;
            using BE = GeneratedBus.BusEventAttribute;
            namespace Acme;
            public abstract record SchedulerEvent;
            [BE] public sealed record A : SchedulerEvent;
            [GlobalMarker] public sealed record B : SchedulerEvent;
            [GeneratedBus.BusEvent] public sealed record C : SchedulerEvent;
            [global::GeneratedBus.BusEventAttribute()] public sealed record D : SchedulerEvent;
            public static class Probe
            {
                public static string Run() => string.Join(",", new SchedulerEvent[] { new A(), new B(), new C(), new D() }.Select(SchedulerDispatcher.KindOf));
            }
            """),
    ];
}
