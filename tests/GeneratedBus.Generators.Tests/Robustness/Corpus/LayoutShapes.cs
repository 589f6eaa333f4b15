using System.Collections.Generic;
using System.Linq;

namespace GeneratedBus.Generators.Tests.Robustness.Corpus;

/// <summary>Corpus: preprocessor directives, very long parameter lists, a thousand events and events across files.</summary>
public static class LayoutShapes
{
    private const int Parameters = 200;
    private const int ManyEvents = 1000;
    private const int ManyFiles = 10;

    /// <summary>The cases.</summary>
    public static IReadOnlyList<CorpusCase> All { get; } =
    [
        CorpusCase.Clean(
            "Directives: #define, #if/#elif/#else around attributes and members, #region, #nullable, #pragma, #line",
            "Defined,Else,Always,Other|OnDefined OnElse",
            """
            #define FEATURE
            #nullable disable
            using System.Linq;
            using GeneratedBus;
            #region Events
            namespace Acme;
            public abstract record SchedulerEvent;
            #if FEATURE
            [BusEvent]
            #endif
            public sealed record Defined(string Name) : SchedulerEvent;
            #if MISSING
            [BusEvent]
            #elif ALSO_MISSING
            [BusEvent]
            #else
            [BusEvent]
            #endif
            public sealed record Else(int Payload) : SchedulerEvent;
            #nullable restore
            #pragma warning disable CS0618 // the user's own obsolete event
            [BusEvent, System.Obsolete("old")] public sealed record Always(int? Payload) : SchedulerEvent;
            #pragma warning restore CS0618
            #if MISSING
            [BusEvent] public sealed record Dropped(int X) : SchedulerEvent;
            #endif
            #line 200 "Elsewhere.cs"
            #if !FEATURE
            [BusEvent]
            #endif
            public sealed record NotMarked : SchedulerEvent;
            #line default
            #endregion
            public static class Probe
            {
                private sealed class Recorder : SchedulerListener
                {
                    public string Seen = "";
                    public override void OnDefined(Defined e) => Seen += "OnDefined ";
                    public override void OnElse(Else e) => Seen += "OnElse";
                }

                public static string Run()
                {
                    var r = new Recorder();
                    SchedulerDispatcher.Dispatch(r, new Defined("d"));
                    SchedulerDispatcher.Dispatch(r, new Else(1));
            #pragma warning disable CS0618 // the user's own obsolete event
                    var always = new Always(null);
            #pragma warning restore CS0618
                    return string.Join(",", new SchedulerEvent[] { new Defined("d"), new Else(1), always, new NotMarked() }.Select(SchedulerDispatcher.KindOf)) + "|" + r.Seen;
                }
            }
            """),
        CorpusCase.Clean(
            $"A record with {Parameters} parameters of mixed types",
            $"OnBig {Parameters - 5} x",
            $$"""
            using System.Collections.Generic;
            using GeneratedBus;
            namespace Acme;
            public abstract record SchedulerEvent;
            [BusEvent] public sealed record Big({{string.Join(", ", Enumerable.Range(0, Parameters).Select(ParameterOf))}}) : SchedulerEvent;
            public static class Probe
            {
                private sealed class Recorder : SchedulerListener { public string Seen = ""; public override void OnBig(Big e) => Seen = $"OnBig {e.P{{Parameters - 5}}} {e.P1}"; }
                public static string Run()
                {
                    var r = new Recorder();
                    SchedulerDispatcher.Dispatch(r, new Big({{string.Join(", ", Enumerable.Range(0, Parameters).Select(ArgumentOf))}}));
                    return r.Seen;
                }
            }
            """),
        new CorpusCase(
            $"{ManyEvents} events spread over {ManyFiles} files",
            ManyEventFiles(),
            [],
            ProbeResult: $"{ManyEvents} kinds, {ManyEvents} events, OnE{ManyEvents - 1} {ManyEvents - 1}"),
        CorpusCase.Clean(
            "Kinds follow file path order, then source order",
            "A1=1,A2=2,B1=3,C1=4,C2=5",
            """
            using System.Linq;
            using GeneratedBus;
            namespace Acme;
            public abstract record SchedulerEvent;
            [BusEvent] public sealed record A1 : SchedulerEvent;
            [BusEvent] public sealed record A2 : SchedulerEvent;
            public static class Probe
            {
                public static string Run()
                    => string.Join(",", new SchedulerEvent[] { new A1(), new A2(), new B1(), new Acme.Other.C1(), new C2() }
                        .Select(e => $"{SchedulerDispatcher.KindOf(e)}={(int)SchedulerDispatcher.KindOf(e)}"));
            }
            """,
            "namespace Acme; [GeneratedBus.BusEvent] public sealed record B1 : SchedulerEvent;",
            "namespace Acme.Other { [GeneratedBus.BusEvent] public sealed record C1 : Acme.SchedulerEvent; }\nnamespace Acme { [GeneratedBus.BusEvent] public sealed record C2 : SchedulerEvent; }"),
    ];

    // int, string, nullable, generic and array parameters in turn.
    private static string ParameterOf(int i) => (i % 5) switch
    {
        0 => $"int P{i}",
        1 => $"string P{i}",
        2 => $"long? P{i}",
        3 => $"List<string?> P{i}",
        _ => $"byte[] P{i}",
    };

    private static string ArgumentOf(int i) => (i % 5) switch
    {
        0 => i.ToString(System.Globalization.CultureInfo.InvariantCulture),
        1 => "\"x\"",
        2 => "null",
        3 => "new()",
        _ => "[]",
    };

    // The root and probe in Input0.cs; the events evenly over Input1.cs onwards, so each file holds a slice of kinds.
    private static string[] ManyEventFiles()
    {
        string probe = $$"""
            using System.Linq;
            namespace Acme;
            public abstract record LargeEvent;
            public static class Probe
            {
                private sealed class Counter : LargeFirehoseListener { public int Count; public override void OnEvent(LargeEvent e) => Count++; }
                private sealed class Last : LargeListener { public string Seen = ""; public override void OnE{{ManyEvents - 1}}(E{{ManyEvents - 1}} e) => Seen = "OnE{{ManyEvents - 1}} " + e.Value; }
                public static string Run()
                {
                    LargeEvent[] events = Enumerable.Range(0, {{ManyEvents}})
                        .Select(i => (LargeEvent)System.Activator.CreateInstance(typeof(Probe).Assembly.GetType("Acme.E" + i)!, i)!)
                        .ToArray();
                    var counter = new Counter();
                    var last = new Last();
                    foreach (LargeEvent e in events)
                    {
                        LargeDispatcher.Dispatch(counter, e);
                        LargeDispatcher.Dispatch(last, e);
                    }

                    int kinds = events.Select(LargeDispatcher.KindOf).Where(k => k != LargeEventKind.Other).Distinct().Count();
                    return $"{kinds} kinds, {counter.Count} events, {last.Seen}";
                }
            }
            """;
        int perFile = ManyEvents / (ManyFiles - 1) + 1;
        IEnumerable<string> eventFiles = Enumerable.Range(0, ManyFiles - 1).Select(file => "namespace Acme;\n" + string.Concat(
            Enumerable.Range(file * perFile, perFile).Where(i => i < ManyEvents)
                .Select(i => $"[GeneratedBus.BusEvent] public {(i % 3 == 0 ? "" : "sealed ")}record E{i}(int Value) : LargeEvent;\n")));
        return [probe, .. eventFiles];
    }
}
