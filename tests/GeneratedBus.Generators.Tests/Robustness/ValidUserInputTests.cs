using System.Collections.Generic;
using System.Linq;
using GeneratedBus.Generators.Tests.Infrastructure;

namespace GeneratedBus.Generators.Tests.Robustness;

/// <summary>
/// Unusual but valid declarations a user can type: each must get its bus, no GeneratedBus diagnostic, and output that
/// compiles to zero diagnostics of any severity, warnings as errors.
/// </summary>
public class ValidUserInputTests
{
    private const string Root = """
        using GeneratedBus;
        namespace Acme;
        public abstract record SchedulerEvent;

        """;

    private static readonly Dictionary<string, string[]> s_inputs = new()
    {
        ["Contextual keywords and generated parameter names as event names"] = [Root + """
            #pragma warning disable CS8981 // the user's own lowercase type names; the generated code must not add any warning
            [BusEvent] public sealed record @record(int A) : SchedulerEvent;
            [BusEvent] public sealed record var(int A) : SchedulerEvent;
            [BusEvent] public sealed record async(int A) : SchedulerEvent;
            [BusEvent] public sealed record value(int A) : SchedulerEvent;
            [BusEvent] public sealed record nameof(int A) : SchedulerEvent;
            [BusEvent] public sealed record dynamic(int A) : SchedulerEvent;
            [BusEvent] public sealed record global(int A) : SchedulerEvent;
            [BusEvent] public sealed record e(int A) : SchedulerEvent;
            [BusEvent] public sealed record listener(int A) : SchedulerEvent;
            [BusEvent] public sealed record kind(int A) : SchedulerEvent;
            [BusEvent] public sealed record options(int A) : SchedulerEvent;
            [BusEvent] public sealed record s_kinds(int A) : SchedulerEvent;
            """],
        ["Event named like another bus's generated types, from another namespace"] = [
            "namespace Acme.Root { public abstract record SchedulerEvent; }",
            """
            using GeneratedBus;
            namespace Acme.Events;
            [BusEvent] public sealed record SchedulerBus(int A) : Acme.Root.SchedulerEvent;
            [BusEvent] public sealed record ISchedulerListener(int A) : Acme.Root.SchedulerEvent;
            [BusEvent] public sealed record SchedulerDispatcher(int A) : Acme.Root.SchedulerEvent;
            [BusEvent] public sealed record System(int A) : Acme.Root.SchedulerEvent;
            """],
        ["Types named System and GeneratedBus outside the global namespace"] = [Root + """
            [BusEvent] public sealed record JobStart(int A) : SchedulerEvent;
            public static class Holder { public sealed class System { } public sealed class GeneratedBus { } }
            """, "namespace Acme.System { public sealed class ArgumentNullException { } public sealed class CodeDom { } }"],
        ["Root in a namespace under GeneratedBus"] = ["""
            namespace GeneratedBus.Something;
            public abstract record SchedulerEvent;
            [BusEvent] public sealed record JobStart(int A) : SchedulerEvent;
            public sealed class LiveListenerBus<TListener, TEvent> { }
            public sealed class BusOptions { }
            public sealed class EventKindMap { }
            """],
        ["Root in the runtime's own namespace, named so its bus shares a name with a generic runtime type"] = ["""
            namespace GeneratedBus;
            public abstract record LiveListenerEvent;
            [BusEvent] public sealed record Tick(long Time) : LiveListenerEvent;
            """],
        ["Roots in namespaces under System"] = [
            "namespace System.Custom { using GeneratedBus; public abstract record SchedulerEvent; [BusEvent] public sealed record A(int X) : SchedulerEvent; }",
            "namespace System { using GeneratedBus; public abstract record AcmeEvent; [BusEvent] public sealed record B(int X) : AcmeEvent; }"],
        ["Event named System in its root's namespace"] = [Root + "[BusEvent] public sealed record System(int A) : SchedulerEvent;"],
        ["Attribute spelled in full, qualified and aliased"] = ["""
            using GeneratedBus;
            using Marker = GeneratedBus.BusEventAttribute;
            using GB = GeneratedBus;
            namespace Acme;
            public abstract record SchedulerEvent;
            [BusEventAttribute] public sealed record A(int X) : SchedulerEvent;
            [GeneratedBus.BusEvent] public sealed record B(int X) : SchedulerEvent;
            [global::GeneratedBus.BusEventAttribute] public sealed record C(int X) : SchedulerEvent;
            [Marker] public sealed record D(int X) : SchedulerEvent;
            [GB::BusEvent] public sealed record E(int X) : SchedulerEvent;
            """],
        ["Attribute with a target, parentheses, or among others"] = [Root + """
            [type: BusEvent] public sealed record A(int X) : SchedulerEvent;
            [BusEvent()] public sealed record B(int X) : SchedulerEvent;
            [System.Serializable, BusEvent, System.Diagnostics.DebuggerDisplay("C")] public sealed record C(int X) : SchedulerEvent;
            [System.Serializable][BusEvent] public sealed record class D(int X) : SchedulerEvent;
            """],
        ["Nullable disabled in the user file"] = ["#nullable disable\n" + Root + "[BusEvent] public sealed record A(string X, System.Collections.Generic.List<string> Y) : SchedulerEvent;"],
        ["Attribute inside #if regions"] = [Root + """
            #if NEVER_DEFINED
            [BusEvent]
            #endif
            public sealed record Skipped(int X) : SchedulerEvent;
            #if !NEVER_DEFINED
            [BusEvent]
            #endif
            public sealed record Kept(int X) : SchedulerEvent;
            """],
        ["Very long parameter list"] = [Root + "[BusEvent] public sealed record Big("
            + string.Join(", ", Enumerable.Range(0, 300).Select(i => $"int P{i}")) + ") : SchedulerEvent;"],
        ["Only abstract events"] = [Root + """
            [BusEvent] public abstract record StageEvent(int StageId) : SchedulerEvent;
            [BusEvent] public abstract record StageEnd(int StageId) : StageEvent(StageId);
            """],
        ["Event in another namespace than its root"] = [
            "namespace Acme.Root { public abstract record SchedulerEvent; }",
            "namespace Acme.Events { using GeneratedBus; [BusEvent] public sealed record JobStart(int X) : Acme.Root.SchedulerEvent; }"],
        ["Roots in the global namespace"] = ["""
            using GeneratedBus;
            public abstract record SchedulerEvent;
            [BusEvent] public sealed record JobStart(int X) : SchedulerEvent;
            [EventBus] public interface IMetricEvent { }
            [BusEvent] public readonly record struct CpuSample(double Load) : IMetricEvent;
            """],
        ["Event that is also an EventBus root"] = [Root + """
            [EventBus, BusEvent] public abstract record JobEvent(int JobId) : SchedulerEvent;
            [BusEvent] public sealed record JobStart(int JobId) : JobEvent(JobId);
            [BusEvent] public sealed record Tick(long Time) : SchedulerEvent;
            """],
        ["Record struct implementing an EventBus interface and another"] = ["""
            using GeneratedBus;
            namespace Acme;
            [EventBus] public interface IMetricEvent { }
            public interface IAudited { }
            [BusEvent] public readonly record struct CpuSample(double Load) : IAudited, IMetricEvent;
            [BusEvent] public record struct MemorySample(long Bytes) : System.IComparable<int>, IMetricEvent { public int CompareTo(int other) => 0; }
            """],
        ["Partial record with the attribute on one part and the base on the other"] = [
            Root + "/// <summary>Docs on the attributed part.</summary>\n[BusEvent] public sealed partial record JobStart;",
            "namespace Acme; public sealed partial record JobStart(int JobId) : SchedulerEvent;"],
        ["Partial record with the attribute on the part without docs"] = [
            Root + "[BusEvent] public sealed partial record JobStart(int JobId) : SchedulerEvent;",
            "namespace Acme; /// <summary>Docs on the other part.</summary>\npublic sealed partial record JobStart;"],
        ["Global usings and a global alias in another file"] = [
            "global using GeneratedBus;\nglobal using Marker = GeneratedBus.BusEventAttribute;",
            "namespace Acme; public abstract record SchedulerEvent; [Marker] public sealed record A(int X) : SchedulerEvent; [BusEvent] public sealed record B(int X) : SchedulerEvent;"],
        ["Namespace spelled with keywords"] = ["namespace @global.@class.var { using GeneratedBus; public abstract record SchedulerEvent; [BusEvent] public sealed record A(int X) : SchedulerEvent; }"],
        ["Namespace named like the generated bus"] = ["namespace Acme.SchedulerBus { using GeneratedBus; public abstract record SchedulerEvent; [BusEvent] public sealed record A(int X) : SchedulerEvent; }"],
        ["Events named like the segments of the root's namespace"] = ["""
            namespace Acme.Scheduling;
            using GeneratedBus;
            public abstract record SchedulerEvent;
            [BusEvent] public sealed record Scheduling(int X) : SchedulerEvent;
            [BusEvent] public sealed record Acme(int X) : SchedulerEvent;
            """],
        ["Event nested in its root"] = [Root + """
            public abstract record Holder : SchedulerEvent { [BusEvent] public sealed record Inner(int X) : Holder; }
            public static partial class Outer { [BusEvent] public sealed record Nested(int X) : SchedulerEvent; }
            """],
        ["Interface root with a class hierarchy and a record struct"] = ["""
            using GeneratedBus;
            namespace Acme;
            [EventBus] public interface IMetricEvent { }
            [BusEvent] public record Sample(int X) : IMetricEvent;
            [BusEvent] public sealed record CpuSample(int X) : Sample(X);
            [BusEvent] public record struct Tick(long Time) : IMetricEvent;
            """],
        ["A method named nameof imported by a global using static"] = [
            "global using static Acme.Helpers;",
            Root + "public static class Helpers { public static int nameof(object o) => 0; }\npublic static class Uses { public static int Zero() => nameof(0); }\n[BusEvent] public sealed record A(int X) : SchedulerEvent;"],
        ["Obsolete and experimental roots, the user suppressing their own uses"] = [
            "#pragma warning disable CS0618\nusing GeneratedBus;\nnamespace Acme.Old { [System.Obsolete(\"x\")] public abstract record SchedulerEvent; [BusEvent] public sealed record A(int X) : SchedulerEvent; }",
            "#pragma warning disable ACME001\nusing GeneratedBus;\nnamespace Acme.New { [System.Diagnostics.CodeAnalysis.Experimental(\"ACME001\")] public abstract record SchedulerEvent; [BusEvent] public sealed record A(int X) : SchedulerEvent; }",
            "#pragma warning disable CS0612\nusing GeneratedBus;\nnamespace Acme.Held { [System.Obsolete] public static class Holder { public abstract record SchedulerEvent; } [BusEvent] public sealed record A(int X) : Holder.SchedulerEvent; }"],
        ["Docs with crefs to generic types, members and operators, seen from another namespace"] = [
            "namespace Acme.Models { public sealed class Box<T> { public void Put(T item, int count) { } public static Box<T> operator +(Box<T> a, Box<T> b) => a; } }",
            """
            using System.Collections.Generic;
            using Acme.Models;
            using GeneratedBus;
            namespace Acme.Events;
            public abstract record SchedulerEvent;
            /// <summary>
            /// See <see cref="Box{T}"/>, <see cref="Box{T}.Put(T, int)"/>, <see cref="Box{T}.operator +"/>,
            /// <see cref="List{T}.Add"/>, <seealso cref="Dictionary{TKey, TValue}"/> and <see href="https://example.com/?a=1&amp;b=2"/>.
            /// </summary>
            /// <remarks><list type="table"><listheader><term>t</term></listheader><item><term>a</term><description>b</description></item></list></remarks>
            [BusEvent] public sealed record A(int X) : SchedulerEvent;
            """],
        ["Obsolete events and root with their own diagnostic IDs"] = [
            "#pragma warning disable ACME003\nnamespace Acme; [System.Obsolete(\"Old root.\", DiagnosticId = \"ACME003\")] public abstract record SchedulerEvent;",
            """
            #pragma warning disable ACME003
            using System;
            using GeneratedBus;
            namespace Acme;
            [BusEvent, Obsolete("Use B.", DiagnosticId = "ACME002")] public sealed record A(int X) : SchedulerEvent;
            [BusEvent, Obsolete(DiagnosticId = "ACME004")] public sealed record B(int X) : SchedulerEvent;
            """],
        ["CR-only line endings"] = [Root.Replace("\n", "\r") + "/// <summary>Line one\r/// line two</summary>\r[BusEvent] public sealed record A(int X) : SchedulerEvent;\r"],
        ["Block doc comment"] = [Root + "/**\n * <summary>Block\n * doc.</summary>\n */\n[BusEvent] public sealed record A(int X) : SchedulerEvent;\n"],
        ["Block doc comment with every kind of line break inside"] = [
            Root + "/** <summary>One\u2028two\u2029three\u0085four\rfive</summary> <remarks>six\u2028seven</remarks> */\n"
                 + "[BusEvent] public sealed record A(int X) : SchedulerEvent;\n"],
    };

    public static TheoryData<string> Names => new(s_inputs.Keys);

    [Theory]
    [MemberData(nameof(Names))]
    public void Generates_a_bus_that_compiles_without_any_diagnostic(string name)
    {
        GeneratorRun run = GeneratorRun.For(s_inputs[name]);

        Assert.Null(run.Result.Exception);
        Assert.Empty(run.DriverDiagnostics);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.NotEmpty(run.Result.GeneratedSources);
        var diagnostics = run.Output.GetDiagnostics();
        Assert.True(diagnostics.IsEmpty, Snapshot.DescribeDiagnostics(diagnostics));
    }

    [Theory]
    [InlineData("Attribute spelled in full, qualified and aliased", "A,B,C,D,E")]
    [InlineData("Attribute with a target, parentheses, or among others", "A,B,C,D")]
    [InlineData("Global usings and a global alias in another file", "A,B")]
    [InlineData("Attribute inside #if regions", "Kept")]
    public void Every_spelling_of_the_attribute_is_found(string name, string events)
    {
        string generated = Assert.Single(GeneratorRun.For(s_inputs[name]).BusSources).SourceText.ToString();

        string[] handlers = generated.Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.StartsWith("void On", System.StringComparison.Ordinal) && !line.StartsWith("void OnOtherEvent(", System.StringComparison.Ordinal))
            .Select(line => line["void On".Length..line.IndexOf('(', System.StringComparison.Ordinal)])
            .ToArray();
        Assert.Equal(events.Split(','), handlers);
    }
}
