using System.Collections.Generic;

namespace GeneratedBus.Generators.Tests.Robustness.Corpus;

/// <summary>Corpus: partial records across files, and events and roots nested in other types.</summary>
public static class NestingShapes
{
    /// <summary>The cases.</summary>
    public static IReadOnlyList<CorpusCase> All { get; } =
    [
        CorpusCase.Clean(
            "Partial record across two files, attribute on the part without the base",
            "OnJobStart 7 14",
            """
            using GeneratedBus;
            namespace Acme;
            public abstract record SchedulerEvent;
            /// <summary>Docs on the attributed part.</summary>
            [BusEvent] public sealed partial record JobStart;
            public static class Probe
            {
                private sealed class Recorder : SchedulerListener
                {
                    public string Seen = "";
                    public override void OnJobStart(JobStart e) => Seen = $"OnJobStart {e.JobId} {e.Twice}";
                }

                public static string Run()
                {
                    var recorder = new Recorder();
                    SchedulerDispatcher.Dispatch(recorder, new JobStart(7));
                    return recorder.Seen;
                }
            }
            """,
            "namespace Acme; public sealed partial record JobStart(int JobId) : SchedulerEvent { public int Twice => JobId * 2; }"),
        CorpusCase.Clean(
            "Events nested in a static class, a class, an interface, a struct, two levels deep and in the root",
            "Flat,Deep,InInterface,InStruct,InRoot,Other",
            """
            using System.Linq;
            using GeneratedBus;
            namespace Acme;
            public abstract record SchedulerEvent { [BusEvent] public sealed record InRoot : SchedulerEvent; }
            public static class Holder { [BusEvent] public sealed record Flat : SchedulerEvent; }
            public class Outer { public static class Inner { [BusEvent] public sealed record Deep : SchedulerEvent; } }
            public interface IContainer { [BusEvent] public sealed record InInterface : SchedulerEvent; }
            public struct Box { [BusEvent] public sealed record InStruct : SchedulerEvent; }
            public sealed record Unmarked : SchedulerEvent;
            public static class Probe
            {
                public static string Run()
                {
                    SchedulerEvent[] events = [new Holder.Flat(), new Outer.Inner.Deep(), new IContainer.InInterface(), new Box.InStruct(), new SchedulerEvent.InRoot(), new Unmarked()];
                    return string.Join(",", events.Select(SchedulerDispatcher.KindOf));
                }
            }
            """),
        CorpusCase.Reports(
            "Event nested in a generic class",
            new("GB0002", "Acme.Holder<T>.Inner"),
            "using GeneratedBus; namespace Acme; public abstract record SchedulerEvent; public static class Holder<T> { [BusEvent] public sealed record Inner(T Value) : SchedulerEvent; }"),
        CorpusCase.Reports(
            "Public event nested in a private class",
            new("GB0003", "Acme.Outer.Hidden.Inner"),
            "using GeneratedBus; namespace Acme; public abstract record SchedulerEvent; public static class Outer { private static class Hidden { [BusEvent] public sealed record Inner(int X) : SchedulerEvent; } }"),
        CorpusCase.Reports(
            "Protected internal event of a public root",
            new("GB0003", "Acme.Outer.Inner"),
            "using GeneratedBus; namespace Acme; public abstract record SchedulerEvent; public class Outer { [BusEvent] protected internal sealed record Inner(int X) : SchedulerEvent; }"),
        new CorpusCase(
            "Protected internal event of an internal root",
            ["""
            using GeneratedBus;
            namespace Acme;
            internal abstract record AuditEvent;
            internal class Outer { [BusEvent] protected internal sealed record Login(string User) : AuditEvent; }
            internal static class Probe
            {
                private sealed class Recorder : AuditListener { public string Seen = ""; public override void OnLogin(Outer.Login e) => Seen = "OnLogin " + e.User; }
                public static string Run() { var r = new Recorder(); AuditDispatcher.Dispatch(r, new Outer.Login("ada")); return r.Seen; }
            }
            """],
            [],
            ProbeResult: "OnLogin ada"),
        CorpusCase.Clean(
            "Root nested in a public class, events outside it",
            "OnStageSubmitted 3",
            """
            using GeneratedBus;
            namespace Acme;
            public static class Pipelines { public abstract record PipelineEvent; }
            [BusEvent] public sealed record StageSubmitted(int StageId) : Pipelines.PipelineEvent;
            public static class Probe
            {
                private sealed class Recorder : PipelineListener { public string Seen = ""; public override void OnStageSubmitted(StageSubmitted e) => Seen = "OnStageSubmitted " + e.StageId; }
                public static string Run() { var r = new Recorder(); PipelineDispatcher.Dispatch(r, new StageSubmitted(3)); return r.Seen; }
            }
            """),
        CorpusCase.Reports(
            "Root nested in a private class",
            new("GB0009", "Acme.Outer.Root"),
            "using GeneratedBus; namespace Acme; public static class Outer { private abstract record Root; [BusEvent] private sealed record A(int X) : Root; }"),
        CorpusCase.Reports(
            "Root nested in a generic class",
            new("GB0010", "Acme.Outer<int>.Root"),
            "using GeneratedBus; namespace Acme; public static class Outer<T> { public abstract record Root; } [BusEvent] public sealed record A(int X) : Outer<int>.Root;"),
    ];
}
