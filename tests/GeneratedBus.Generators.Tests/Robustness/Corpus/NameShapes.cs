using System.Collections.Generic;

namespace GeneratedBus.Generators.Tests.Robustness.Corpus;

/// <summary>Corpus: keywords as names, non-ASCII and escaped names, and the same name in several namespaces.</summary>
public static class NameShapes
{
    /// <summary>The cases.</summary>
    public static IReadOnlyList<CorpusCase> All { get; } =
    [
        new CorpusCase(
            "Keywords as namespace, root, event and parameter names",
            ["""
            #pragma warning disable CS8981 // the user's own lowercase type names; the generated code must add no warning
            using GeneratedBus;
            namespace @namespace.@event
            {
                public abstract record @class;
                [BusEvent] public sealed record @event(int @int, string @string) : @class;
                [BusEvent] public sealed record @record(bool @bool) : @class;
                public static class Probe
                {
                    private sealed class Recorder : classListener
                    {
                        public string Seen = "";
                        public override void Onevent(@event e) => Seen += $"Onevent {e.@int} {e.@string};";
                        public override void Onrecord(@record e) => Seen += $"Onrecord {e.@bool};";
                    }

                    public static string Run()
                    {
                        var r = new Recorder();
                        classDispatcher.Dispatch(r, new @event(1, "x"));
                        classDispatcher.Dispatch(r, new @record(true));
                        return r.Seen + classDispatcher.KindOf(new @event(2, "y")) + " " + classDispatcher.NameOf(classEventKind.record);
                    }
                }
            }
            """],
            [],
            ProbeType: "namespace.event.Probe",
            ProbeResult: "Onevent 1 x;Onrecord True;event record"),
        new CorpusCase(
            "A namespace beside a generic type of the same name",
            ["""
            using GeneratedBus;
            public sealed class Acme<T> { public T? Value { get; set; } }
            namespace Acme.Shop
            {
                public abstract record ShopEvent;
                [BusEvent] public sealed record Ordered(int Id) : ShopEvent;
                public static class Probe
                {
                    private sealed class Recorder : ShopListener
                    {
                        public string Seen = "";
                        public override void OnOrdered(Ordered e) => Seen += "OnOrdered " + e.Id + ";";
                    }

                    public static string Run()
                    {
                        var r = new Recorder();
                        ShopDispatcher.Dispatch(r, new Ordered(7));
                        return r.Seen + new Acme<int> { Value = 1 }.Value;
                    }
                }
            }
            """],
            [],
            ProbeType: "Acme.Shop.Probe",
            ProbeResult: "OnOrdered 7;1"),
        new CorpusCase(
            "Non-ASCII namespace, root and event names",
            ["""
            using GeneratedBus;
            namespace Données.Événements
            {
                public abstract record Événement;
                [BusEvent] public sealed record Créé(int Numéro) : Événement;
                [BusEvent] public sealed record 作成済み(string 名前) : Événement;
                [BusEvent] public sealed record Ωmega(double Δ) : Événement;
                public static class Probe
                {
                    private sealed class Recorder : ÉvénementListener
                    {
                        public string Seen = "";
                        public override void OnCréé(Créé e) => Seen += "OnCréé " + e.Numéro + ";";
                        public override void On作成済み(作成済み e) => Seen += "On作成済み " + e.名前 + ";";
                        public override void OnΩmega(Ωmega e) => Seen += "OnΩmega " + e.Δ + ";";
                    }

                    public static string Run()
                    {
                        var r = new Recorder();
                        Événement[] events = [new Créé(1), new 作成済み("名"), new Ωmega(2)];
                        foreach (Événement e in events) { ÉvénementDispatcher.Dispatch(r, e); }
                        return r.Seen;
                    }
                }
            }
            """],
            [],
            ProbeType: "Données.Événements.Probe",
            ProbeResult: "OnCréé 1;On作成済み 名;OnΩmega 2;"),
        CorpusCase.Clean(
            "Unicode escapes in identifiers",
            "OnAbc 5",
            """
            using GeneratedBus;
            namespace Acme;
            public abstract record \u0053chedulerEvent;
            [BusEvent] public sealed record \u0041bc(int X) : SchedulerEvent;
            public static class Probe
            {
                private sealed class Recorder : SchedulerListener { public string Seen = ""; public override void OnAbc(Abc e) => Seen = "OnAbc " + e.X; }
                public static string Run() { var r = new Recorder(); SchedulerDispatcher.Dispatch(r, new \u0041bc(5)); return r.Seen; }
            }
            """),
        new CorpusCase(
            "Events of one bus with the same name in two namespaces",
            [
                """
                using GeneratedBus;
                namespace Acme.Root { public abstract record SchedulerEvent; }
                namespace Acme.A { [BusEvent] public sealed record JobStart(int X) : Acme.Root.SchedulerEvent; }
                namespace Acme
                {
                    using Acme.Root;
                    public static class Probe
                    {
                        private sealed class Recorder : SchedulerListener
                        {
                            public string Seen = "";
                            public override void OnJobStart(Acme.A.JobStart e) => Seen += "OnJobStart;";
                            public override void OnOtherEvent(SchedulerEvent e) => Seen += "OnOtherEvent " + e.GetType().FullName + ";";
                        }

                        public static string Run()
                        {
                            var r = new Recorder();
                            SchedulerDispatcher.Dispatch(r, new Acme.A.JobStart(1));
                            SchedulerDispatcher.Dispatch(r, new Acme.B.JobStart(2));
                            return r.Seen;
                        }
                    }
                }
                """,
                "namespace Acme.B { [GeneratedBus.BusEvent] public sealed record JobStart(int X) : Acme.Root.SchedulerEvent; }",
            ],
            [new("GB0005", "Acme.B.JobStart")],
            ProbeResult: "OnJobStart;OnOtherEvent Acme.B.JobStart;"),
        CorpusCase.Clean(
            "Roots with the same name in two namespaces make two buses",
            "OnX 1;OnY 2;",
            """
            using GeneratedBus;
            namespace Acme.One { public abstract record SchedulerEvent; [BusEvent] public sealed record X(int V) : SchedulerEvent; }
            namespace Acme.Two { public abstract record SchedulerEvent; [BusEvent] public sealed record Y(int V) : SchedulerEvent; }
            namespace Acme
            {
                public static class Probe
                {
                    private sealed class One : Acme.One.SchedulerListener { public string Seen = ""; public override void OnX(Acme.One.X e) => Seen = "OnX " + e.V + ";"; }
                    private sealed class Two : Acme.Two.SchedulerListener { public string Seen = ""; public override void OnY(Acme.Two.Y e) => Seen = "OnY " + e.V + ";"; }
                    public static string Run()
                    {
                        var one = new One();
                        var two = new Two();
                        Acme.One.SchedulerDispatcher.Dispatch(one, new Acme.One.X(1));
                        Acme.Two.SchedulerDispatcher.Dispatch(two, new Acme.Two.Y(2));
                        return one.Seen + two.Seen;
                    }
                }
            }
            """),
    ];
}
