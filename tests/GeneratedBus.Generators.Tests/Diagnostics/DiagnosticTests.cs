using System.Linq;
using GeneratedBus.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace GeneratedBus.Generators.Tests.Diagnostics;

/// <summary>One test (or a few) per diagnostic ID: the ID, the span it points at and that the message names the type.</summary>
public partial class DiagnosticTests
{
    /// <summary>A root and one good event, so that the diagnostic under test is the only one.</summary>
    internal const string Prelude = """
        using GeneratedBus;

        namespace Acme;

        public abstract record SchedulerEvent;
        [BusEvent] public sealed record JobStart(int JobId) : SchedulerEvent;

        """;

    [Fact]
    public void GB0001_BusEvent_on_a_struct_that_is_not_a_record()
        => DiagnosticAssert.ReportsOnly(Prelude + "[BusEvent] public struct [|Plain|] { }", "GB0001", "Acme.Plain");

    [Fact]
    public void GB0002_generic_event()
        => DiagnosticAssert.ReportsOnly(Prelude + "[BusEvent] public sealed record [|Wrapped|]<T>(T Value) : SchedulerEvent;", "GB0002", "Acme.Wrapped<T>");

    [Fact]
    public void GB0002_event_nested_in_a_generic_type()
        => DiagnosticAssert.ReportsOnly(
            Prelude + "public static class Holder<T> { [BusEvent] public sealed record [|Inner|](int X) : SchedulerEvent; }",
            "GB0002",
            "Acme.Holder<T>.Inner");

    [Fact]
    public void GB0003_internal_event_of_a_public_root()
        => DiagnosticAssert.ReportsOnly(Prelude + "[BusEvent] internal sealed record [|Hidden|](int X) : SchedulerEvent;", "GB0003", "Acme.Hidden");

    [Fact]
    public void GB0003_file_local_event()
        => DiagnosticAssert.ReportsOnly(Prelude + "[BusEvent] file sealed record [|Local|](int X) : SchedulerEvent;", "GB0003", "Acme.Local");

    [Fact]
    public void GB0003_private_nested_event()
        => DiagnosticAssert.ReportsOnly(
            Prelude + "public static class Holder { [BusEvent] private sealed record [|Secret|](int X) : SchedulerEvent; }",
            "GB0003",
            "Acme.Holder.Secret");

    [Fact]
    public void GB0004_event_deriving_only_from_object()
        => DiagnosticAssert.ReportsOnly(Prelude + "[BusEvent] public sealed record [|Lonely|](int X);", "GB0004", "Acme.Lonely");

    [Fact]
    public void GB0004_class_event_deriving_only_from_object()
        => DiagnosticAssert.ReportsOnly(Prelude + "[BusEvent] public sealed class [|Plain|] { }", "GB0004", "Acme.Plain");

    [Fact]
    public void GB0004_record_struct_without_an_EventBus_interface()
        => DiagnosticAssert.ReportsOnly(
            Prelude + "public interface IPlain { }\n[BusEvent] public readonly record struct [|Sample|](int X) : IPlain;",
            "GB0004",
            "Acme.Sample");

    [Fact]
    public void GB0005_two_events_with_one_handler_name()
    {
        GeneratorRun run = DiagnosticAssert.ReportsOnly(
            Prelude + "[BusEvent] public sealed record [|JobStartEvent|](int JobId) : SchedulerEvent;",
            "GB0005",
            "Acme.JobStartEvent");
        Assert.Contains("'Acme.JobStart'", run.GeneratorDiagnostics[0].GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
        Assert.Single(run.BusSources);
    }

    [Fact]
    public void GB0005_events_of_one_name_in_two_namespaces()
        => DiagnosticAssert.ReportsOnly(
            """
            using GeneratedBus;
            namespace Acme { public abstract record SchedulerEvent; }
            namespace Acme.Jobs { [BusEvent] public sealed record JobStart(int JobId) : Acme.SchedulerEvent; }
            namespace Acme.Other { [BusEvent] public sealed record [|JobStart|](int JobId) : Acme.SchedulerEvent; }
            """,
            "GB0005",
            "Acme.Other.JobStart");

    [Theory]
    [InlineData("OtherEvent")]
    [InlineData("Other")]
    [InlineData("Event")]
    public void GB0005_event_named_like_a_generated_member(string name)
        => DiagnosticAssert.ReportsOnly(Prelude + $"[BusEvent] public sealed record [|{name}|](int X) : SchedulerEvent;", "GB0005", "Acme." + name);

    [Fact]
    public void GB0006_EventBus_name_that_is_not_an_identifier()
        => DiagnosticAssert.ReportsOnly(
            """
            using GeneratedBus;
            namespace Acme;
            [EventBus("not valid")] public abstract record [|Signal|];
            [BusEvent] public sealed record Gauge(double Value) : Signal;
            """,
            "GB0006",
            "Acme.Signal");

    [Fact]
    public void GB0006_EventBus_name_with_a_formatting_character_that_CSharp_ignores()
        => DiagnosticAssert.ReportsOnly(
            """
            using GeneratedBus;
            namespace Acme;
            [EventBus("Telemetry\u200B")] public abstract record [|Signal|];
            [BusEvent] public sealed record Gauge(double Value) : Signal;
            public sealed class TelemetryBus { }
            """,
            "GB0006",
            "Acme.Signal");

    [Fact]
    public void GB0006_root_named_Event_leaves_an_empty_bus_name()
        => DiagnosticAssert.ReportsOnly(
            """
            using GeneratedBus;
            namespace Acme;
            public abstract record [|Event|];
            [BusEvent] public sealed record Gauge(double Value) : Event;
            """,
            "GB0006",
            "Acme.Event");

    [Theory]
    [InlineData("SchedulerBus")]
    [InlineData("SchedulerListenerBus")]
    public void GB0007_generated_type_name_taken_by_an_existing_type(string name)
        => DiagnosticAssert.ReportsOnly(
            $$"""
            using GeneratedBus;
            namespace Acme;
            public abstract record [|SchedulerEvent|];
            [BusEvent] public sealed record JobStart(int JobId) : SchedulerEvent;
            public sealed class {{name}} { }
            """,
            "GB0007",
            name);

    [Theory]
    [InlineData("SchedulerBus")]
    [InlineData("ISchedulerListener")]
    [InlineData("SchedulerDispatcher")]
    [InlineData("SchedulerListenerBus")]
    public void GB0007_event_named_like_a_generated_type(string name)
        => DiagnosticAssert.ReportsOnly(
            $$"""
            using GeneratedBus;
            namespace Acme;
            public abstract record [|SchedulerEvent|];
            [BusEvent] public sealed record {{name}}(int JobId) : SchedulerEvent;
            """,
            "GB0007",
            name);

    // Roots SchedulerEvent and SchedulerEvents both make SchedulerBus; bus "Scheduler" makes SchedulerListenerBus as its
    // synchronous bus and bus "SchedulerListener" as its queued one. The root first in ordinal order keeps its bus.
    [Theory]
    [InlineData("public abstract record [|SchedulerEvents|];\n[BusEvent] public sealed record Tick(long Time) : SchedulerEvents;", "Acme.SchedulerEvents")]
    [InlineData("[EventBus(\"SchedulerListener\")] public abstract record [|Tick|];\n[BusEvent] public sealed record Ping(long Time) : Tick;", "SchedulerListenerBus")]
    public void GB0007_two_buses_generating_one_name_in_one_namespace(string secondBus, string named)
    {
        GeneratorRun run = DiagnosticAssert.ReportsOnly(Prelude + secondBus, "GB0007", named);
        Assert.Single(run.BusSources);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void GB0021_root_from_another_assembly_that_has_its_bus_there_points_at_the_event(bool projectReference)
    {
        // The library's root is in its second file, so a location in the library would not be Input0.cs.
        GeneratorRun library = GeneratorRun.For(TestCompilation.Create("// first file", Prelude).WithAssemblyName("Library"));
        using var image = new System.IO.MemoryStream();
        Assert.True(library.Output.Emit(image).Success);
        MetadataReference reference = projectReference ? library.Output.ToMetadataReference() : MetadataReference.CreateFromImage(image.ToArray());
        MarkedSource input = MarkedSource.Parse("""
            using GeneratedBus;
            namespace Acme.Extensions;
            [BusEvent] public sealed record [|JobEnd|](int JobId) : Acme.SchedulerEvent;
            """);

        // No bus here (it would clash with the library's), and no GB0007 advising a rename that cannot help.
        DiagnosticAssert.ReportsOnly(input, TestCompilation.Create(input.Source).AddReferences(reference), "GB0021", "Acme.SchedulerEvent", DiagnosticSeverity.Info);
    }

    [Fact]
    public void GB0008_two_EventBus_interfaces()
        => DiagnosticAssert.ReportsOnly(
            """
            using GeneratedBus;
            namespace Acme;
            [EventBus] public interface IAuditEvent { }
            [EventBus] public interface IMetricEvent { }
            [BusEvent] public sealed record [|Both|](int X) : IAuditEvent, IMetricEvent;
            """,
            "GB0008",
            "Acme.Both");

    [Fact]
    public void GB0008_is_not_reported_when_one_EventBus_interface_extends_the_other()
    {
        GeneratorRun run = GeneratorRun.For(
            """
            using GeneratedBus;
            namespace Acme;
            [EventBus] public interface IAuditEvent { }
            [EventBus] public interface ISecurityAuditEvent : IAuditEvent { }
            [BusEvent] public sealed record Login(string User) : ISecurityAuditEvent;
            """);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Equal("Acme.ISecurityAuditEvent.Bus.g.cs", Assert.Single(run.BusSources).HintName);
    }

    [Fact]
    public void GB0009_private_root()
        => DiagnosticAssert.ReportsOnly(
            """
            using GeneratedBus;
            namespace Acme;
            public class Holder
            {
                private abstract record [|HiddenEvent|];
                [BusEvent] private sealed record Tick(long Time) : HiddenEvent;
            }
            """,
            "GB0009",
            "Acme.Holder.HiddenEvent");

    [Fact]
    public void GB0010_generic_root()
        => DiagnosticAssert.ReportsOnly(
            """
            using GeneratedBus;
            namespace Acme;
            public abstract record [|Envelope|]<T>;
            [BusEvent] public sealed record Tick(long Time) : Envelope<int>;
            """,
            "GB0010",
            "Acme.Envelope<int>");

    [Fact]
    public void GB0011_event_obsolete_as_an_error_is_left_out()
        => DiagnosticAssert.ReportsOnly(
            Prelude + "[BusEvent, System.Obsolete(\"Gone.\", true)] public sealed record [|Gone|](int X) : SchedulerEvent;",
            "GB0011",
            "Acme.Gone",
            DiagnosticSeverity.Warning);

    [Fact]
    public void GB0011_experimental_event_whose_ID_no_pragma_can_name_is_left_out()
        => DiagnosticAssert.ReportsOnly(
            Prelude + "[BusEvent, System.Diagnostics.CodeAnalysis.Experimental(\"not an id\")] public sealed record [|Preview|](int X) : SchedulerEvent;",
            "GB0011",
            "Acme.Preview",
            DiagnosticSeverity.Warning);

    [Fact]
    public void GB0011_obsolete_event_whose_DiagnosticId_no_pragma_can_name_is_left_out()
        => DiagnosticAssert.ReportsOnly(
            Prelude + "[BusEvent, System.Obsolete(\"Old.\", DiagnosticId = \"ACME 2\")] public sealed record [|Old|](int X) : SchedulerEvent;",
            "GB0011",
            "Acme.Old",
            DiagnosticSeverity.Warning);

    [Fact]
    public void GB0011_can_be_turned_off_project_wide_with_NoWarn()
    {
        CSharpCompilation compilation = TestCompilation.Create(
            Prelude + "[BusEvent, System.Obsolete(\"Gone.\", true)] public sealed record Gone(int X) : SchedulerEvent;");
        var noWarn = compilation.Options.WithSpecificDiagnosticOptions([new("GB0011", ReportDiagnostic.Suppress)]);

        GeneratorRun run = GeneratorRun.For(compilation.WithOptions(noWarn));

        // Without NoWarn the same input reports GB0011 (GB0011_event_obsolete_as_an_error_is_left_out).
        Assert.DoesNotContain(run.GeneratorDiagnostics.AddRange(run.DriverDiagnostics), d => d.Id == "GB0011" && !d.IsSuppressed);
    }

    [Theory]
    [InlineData("001")]
    [InlineData("1ABC")]
    public void GB0011_experimental_event_whose_ID_starts_with_a_digit_is_left_out(string id)
        => DiagnosticAssert.ReportsOnly(
            Prelude + $"[BusEvent, System.Diagnostics.CodeAnalysis.Experimental(\"{id}\")] public sealed record [|Preview|](int X) : SchedulerEvent;",
            "GB0011",
            "Acme.Preview",
            DiagnosticSeverity.Warning);

    [Fact]
    public void GB0012_interface_root_with_static_abstract_members()
        => DiagnosticAssert.ReportsOnly(
            """
            using GeneratedBus;
            namespace Acme;
            [EventBus] public interface [|IMetricEvent|] { static abstract string Unit { get; } }
            [BusEvent] public readonly record struct CpuSample(double Load) : IMetricEvent { public static string Unit => "%"; }
            """,
            "GB0012",
            "Acme.IMetricEvent");

    [Fact]
    public void GB0014_attributes_declared_in_source_without_the_runtime()
    {
        MarkedSource input = MarkedSource.Parse("""
            namespace GeneratedBus
            {
                [System.AttributeUsage(System.AttributeTargets.Class | System.AttributeTargets.Struct)]
                public sealed class BusEventAttribute : System.Attribute { }
            }

            namespace Acme
            {
                public abstract record [|SchedulerEvent|];
                [GeneratedBus.BusEvent] public sealed record JobStart(int JobId) : SchedulerEvent;
            }
            """);
        CSharpCompilation compilation = TestCompilation.Create(input.Source);
        MetadataReference runtime = TestCompilation.RuntimeReference(compilation);

        GeneratorRun run = DiagnosticAssert.ReportsOnly(input, compilation.RemoveReferences(runtime), "GB0014", "Acme.SchedulerEvent");
        Assert.Empty(run.Result.GeneratedSources);
    }

    [Theory]
    [InlineData("ListenerRun")]
    [InlineData("IListenerCall")]
    public void GB0014_an_older_runtime_without_a_type_the_generated_code_needs(string missing)
    {
        // Every runtime type the generator checks for, as stubs, but the one an older runtime would lack.
        string[] stubs =
        [
            "public class LiveListenerBus<TListener, TEvent> { }", "public class ListenerBus<TListener, TEvent> { }",
            "public static class DispatcherBinding<TListener, TEvent> { }", "public interface IEventSpanDispatcher<TListener, TEvent> { }",
            "public static class EventKindMap { }", "public sealed class BusOptions { }", "public sealed class EventKindSet { }",
            "public interface IListenerKinds { }", "public static class ListenerRun { }", "public interface IListenerCall<TListener, TEvent> { }",
        ];
        string runtime = string.Join("\n", stubs.Where(stub => !stub.Contains($" {missing} ", System.StringComparison.Ordinal) && !stub.Contains($" {missing}<", System.StringComparison.Ordinal)));
        MarkedSource input = MarkedSource.Parse($$"""
            namespace GeneratedBus
            {
                [System.AttributeUsage(System.AttributeTargets.Class | System.AttributeTargets.Struct)]
                public sealed class BusEventAttribute : System.Attribute { }
            {{runtime}}
            }

            namespace Acme
            {
                public abstract record [|SchedulerEvent|];
                [GeneratedBus.BusEvent] public sealed record JobStart(int JobId) : SchedulerEvent;
            }
            """);
        Assert.Equal(stubs.Length - 1, runtime.Split('\n').Length);
        CSharpCompilation compilation = TestCompilation.Create(input.Source);
        MetadataReference reference = TestCompilation.RuntimeReference(compilation);

        GeneratorRun run = DiagnosticAssert.ReportsOnly(input, compilation.RemoveReferences(reference), "GB0014", "Acme.SchedulerEvent");
        Assert.Empty(run.Result.GeneratedSources);
    }

    [Fact]
    public void GB0013_global_type_named_System()
        => DiagnosticAssert.ReportsOnly(
            """
            using GeneratedBus;
            namespace Acme
            {
                public abstract record [|SchedulerEvent|];
                [BusEvent] public sealed record JobStart(int JobId) : SchedulerEvent;
            }

            public sealed class System { }
            """,
            "GB0013",
            "System");

    [Fact]
    public void GB0013_global_type_named_GeneratedBus_with_the_runtime_behind_an_extern_alias()
    {
        MarkedSource input = MarkedSource.Parse("""
            extern alias Runtime;
            namespace Acme;
            public abstract record [|SchedulerEvent|];
            [Runtime::GeneratedBus.BusEvent] public sealed record JobStart(int JobId) : SchedulerEvent;
            """);
        CSharpCompilation compilation = TestCompilation.Create(input.Source, "public sealed class GeneratedBus { }");
        MetadataReference runtime = TestCompilation.RuntimeReference(compilation);

        DiagnosticAssert.ReportsOnly(input, compilation.ReplaceReference(runtime, runtime.WithAliases(["Runtime"])), "GB0013", "GeneratedBus");
    }

    [Fact]
    public void GB0015_async_void_override_of_a_generated_handler_points_to_the_async_listener()
    {
        GeneratorRun run = DiagnosticAssert.ReportsOnly(
            Prelude + "public sealed class Mailer : SchedulerListener { public override async void [|OnJobStart|](JobStart e) => await System.Threading.Tasks.Task.Yield(); }",
            "GB0015",
            "SchedulerAsyncListener");
        Assert.Contains("'ISchedulerAsyncListener'", Assert.Single(run.GeneratorDiagnostics).GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("public sealed class Mailer : ISchedulerListener { public async void [|OnJobStart|](JobStart e) => await System.Threading.Tasks.Task.Yield(); public void OnOtherEvent(SchedulerEvent e) { } }")]
    [InlineData("public sealed class Mailer : SchedulerListener { public override async void [|OnOtherEvent|](SchedulerEvent e) => await System.Threading.Tasks.Task.Yield(); }")]
    [InlineData("public sealed class Mailer : SchedulerFirehoseListener { public override async void [|OnEvent|](SchedulerEvent e) => await System.Threading.Tasks.Task.Yield(); }")]
    [InlineData("public abstract class Base : SchedulerListener { }\npublic sealed class Mailer : Base { public override async void [|OnJobStart|](JobStart e) => await System.Threading.Tasks.Task.Yield(); }")]
    public void GB0015_async_void_implementation_or_override_of_any_generated_handler(string listener)
        => DiagnosticAssert.ReportsOnly(Prelude + listener, "GB0015", "ISchedulerAsyncListener");

    [Theory]
    [InlineData("public sealed class Mailer : SchedulerListener { public async void OnJobStart(string s) => await System.Threading.Tasks.Task.Yield(); }")]
    [InlineData("public sealed class Mailer : SchedulerListener { public override void OnJobStart(JobStart e) { } public async void Send(JobStart e) => await System.Threading.Tasks.Task.Yield(); }")]
    [InlineData("public sealed class Mailer : SchedulerAsyncListener { public override async System.Threading.Tasks.ValueTask OnJobStartAsync(JobStart e, System.Threading.CancellationToken c) => await System.Threading.Tasks.Task.Yield(); }")]
    [InlineData("public sealed class Other { public async void OnJobStart(JobStart e) => await System.Threading.Tasks.Task.Yield(); }")]
    [InlineData("public sealed class Half : SchedulerListener { public override async void OnJobStart(")]
    public void GB0015_is_not_reported_for_other_async_methods_nor_half_typed_code(string source)
    {
        GeneratorRun run = GeneratorRun.For(TestCompilation.Create(Prelude + source));

        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "GB0015");
        Assert.Null(run.Result.Exception);
    }

    [Fact]
    public void GB0016_BusEvent_on_the_root_of_other_events_leaves_the_rest_of_the_bus()
    {
        GeneratorRun run = DiagnosticAssert.ReportsOnly(
            """
            using GeneratedBus;
            namespace Acme;
            [BusEvent] public abstract record [|SchedulerEvent|];
            [BusEvent] public sealed record JobStart(int JobId) : SchedulerEvent;
            """,
            "GB0016",
            "Acme.SchedulerEvent");
        Assert.Contains("remove [BusEvent]", run.GeneratorDiagnostics[0].GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
        Assert.Contains("void OnJobStart(", Assert.Single(run.BusSources).SourceText.ToString(), System.StringComparison.Ordinal);
    }

    [Fact]
    public void GB0016_BusEvent_on_an_EventBus_root_without_events()
        => DiagnosticAssert.ReportsOnly(
            """
            using GeneratedBus;
            namespace Acme;
            [EventBus, BusEvent] public abstract class [|OrderEvent|] { }
            """,
            "GB0016",
            "Acme.OrderEvent");

    [Fact]
    public void GB0017_handler_override_of_a_type_without_BusEvent()
    {
        GeneratorRun run = DiagnosticAssert.ReportsOnly(
            Prelude + """
                public sealed record JobEnd(int JobId) : SchedulerEvent;
                public sealed class Tracker : SchedulerListener
                {
                    public override void OnJobStart(JobStart e) { }
                    public override void OnJobEnd([|JobEnd|] e) { }
                }
                """,
            "GB0017",
            "Acme.JobEnd");
        string message = run.GeneratorDiagnostics[0].GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("add [BusEvent] to 'Acme.JobEnd'", message, System.StringComparison.Ordinal);
        Assert.Contains("'Tracker.OnJobEnd'", message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void GB0017_is_not_reported_for_overrides_of_types_outside_every_bus()
        => Assert.Empty(GeneratorRun.For(Prelude + """
            public class Shape { }
            public sealed class Circle : Shape { }
            public abstract class Painter { public abstract void OnCircle(Circle e); }
            public sealed class CirclePainter : Painter { public override void OnCircle(Circle e) { } }
            public sealed class Tracker : SchedulerListener { public override void OnJobStart(JobStart e) { } }
            """).GeneratorDiagnostics);
}
