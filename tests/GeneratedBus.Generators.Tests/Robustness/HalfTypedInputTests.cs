using System.Linq;
using GeneratedBus.Generators.Tests.Infrastructure;

namespace GeneratedBus.Generators.Tests.Robustness;

/// <summary>What the IDE feeds the generator on every keystroke: it must never throw, and what it emits must compile.</summary>
public class HalfTypedInputTests
{
    private const string Prelude = """
        using GeneratedBus;
        namespace Acme;
        public abstract record SchedulerEvent;

        """;

    public static TheoryData<string> Inputs => new()
    {
        "[BusEvent]",
        "[BusEvent] public sealed record",
        "[BusEvent] public sealed record : SchedulerEvent;",
        "[BusEvent] public sealed record X(int A) : Missing;",
        "[BusEvent] public sealed record X(int A) : SchedulerEvent, IMissing;",
        "[BusEvent] public sealed record X(int A) : SchedulerEvent",
        "[BusEvent] public sealed record X(int A) : SchedulerEvent { public void M() { ",
        "[BusEvent] public sealed record X(int A) : SchedulerEvent; } }",
        "[BusEvent] public sealed record X(int A) : ;",
        "[BusEvent] public sealed record X(int A : SchedulerEvent;",
        "[BusEvent] public delegate void D();",
        "[BusEvent] public enum E { A }",
        "[BusEvent] public interface I { }",
        "[BusEvent] public static class S { }",
        "[BusEvent] public ref struct R { }",
        "[BusEvent(42)] public sealed record X(int A) : SchedulerEvent;",
        "[BusEvent, BusEvent] public sealed record X(int A) : SchedulerEvent;",
        "[BusEvent] public partial record X : SchedulerEvent;\n[BusEvent] public partial record X;",
        "[BusEvent] public sealed record X(int A) : SchedulerEvent;\n[BusEvent] public sealed record X(int B) : SchedulerEvent;",
        "[BusEvent] public sealed record X : X;",
        "[BusEvent] public record A : B;\n[BusEvent] public record B : A;",
        "[BusEvent] public sealed record X : System.Exception;",
        "[BusEvent] public sealed record struct X(int A) : SchedulerEvent;",
        "[BusEvent] public record X<> : SchedulerEvent;",
        "[BusEvent] public abstract record OnlyAbstract : SchedulerEvent;",
        "[BusEvent] public sealed record @class(int A) : SchedulerEvent;",
        "[BusEvent] public sealed record \\u0041bc(int A) : SchedulerEvent;",
        "[EventBus(null)] public abstract record Root;\n[BusEvent] public sealed record X(int A) : Root;",
        "[EventBus(42)] public abstract record Root;\n[BusEvent] public sealed record X(int A) : Root;",
        "[EventBus(\"\")] public abstract record Root;\n[BusEvent] public sealed record X(int A) : Root;",
        "[EventBus(\"class\")] public abstract record Root;\n[BusEvent] public sealed record X(int A) : Root;",
        "[EventBus] public interface IRoot<T> { }\n[BusEvent] public sealed record X(int A) : IRoot<int>;",
        "[EventBus] public abstract record Root;\n[EventBus] public abstract record Mid : Root;\n[BusEvent] public sealed record X(int A) : Mid;",
        "[BusEvent] public sealed record X(int A) : SchedulerEvent;\nnamespace Acme.SchedulerBus { }",
        "[BusEvent] public sealed record X(int A) : SchedulerEvent;\npublic class SchedulerBus<T> { }",
        "[BusEvent] public sealed record ToString(int A) : SchedulerEvent;",
        "[BusEvent] public sealed record Outer(int A) : SchedulerEvent { [BusEvent] public sealed record Inner(int B) : SchedulerEvent; }",
        "[global::GeneratedBus.BusEvent] public sealed record X(int A) : SchedulerEvent;",
        "[BusEvent] public sealed record X(int A) : SchedulerEvent;\n[BusEvent] file sealed record Y(int A) : SchedulerEvent;",
        "[BusEvent] public sealed record X(int A) : SchedulerEvent;\n[BusEvent] public sealed record XEvent(int A) : SchedulerEvent;",
        "public abstract record Event;\n[BusEvent] public sealed record Event2(int A) : Event;",
        "[BusEvent] public sealed record Event(int A) : SchedulerEvent;",
        "[BusEvent] public sealed record value__(int A) : SchedulerEvent;",
        "[BusEvent] public sealed record _(int A) : SchedulerEvent;",
        "[System.Obsolete(\"x\", true)] public abstract record Gone;\n[BusEvent] public sealed record A(int X) : Gone;",
        "[System.Obsolete] public abstract record Old;\n[BusEvent] public sealed record A(int X) : Old;",
        "[System.Obsolete] public static class Holder { [BusEvent] public sealed record A(int X) : SchedulerEvent; }",
        "[System.Diagnostics.CodeAnalysis.Experimental(\"bad id; #error\")] [BusEvent] public sealed record A(int X) : SchedulerEvent;",
        "public abstract record schedulerEvent;\n[BusEvent] public sealed record A(int X) : SchedulerEvent;\n[BusEvent] public sealed record B(int X) : schedulerEvent;",
        "/// <summary>See <see cref=\"Missing\"/> and <see cref=\"Missing.Member(int)\"/>.</summary>\n[BusEvent] public sealed record X(int A) : SchedulerEvent;",
        "/// <summary>\n/// <para>A &amp; B &lt; C</para>\n/// <code>\n/// if (x)\n///     y();\n/// </code>\n/// <![CDATA[ <raw> ]]>\n/// <list type=\"bullet\"><item><description>one</description></item></list>\n/// </summary>\n[BusEvent] public sealed record X(int A) : SchedulerEvent;",
        "/// <summary>Uses <paramref name=\"A\"/> and <typeparamref name=\"T\"/> and <param name=\"A\">x</param>.</summary>\n[BusEvent] public sealed record X(int A) : SchedulerEvent;",
        "/// <summary></summary>\n/// <remarks></remarks>\n[BusEvent] public sealed record X(int A) : SchedulerEvent;",
        "/// <inheritdoc/>\n[BusEvent] public sealed record X(int A) : SchedulerEvent;",
        "/// <include file=\"docs.xml\" path=\"doc/member\"/>\n[BusEvent] public sealed record X(int A) : SchedulerEvent;",
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Generator_never_throws_and_its_output_compiles(string input)
    {
        GeneratorRun run = GeneratorRun.For(Prelude + input);

        Assert.Null(run.Result.Exception);
        Assert.DoesNotContain(run.DriverDiagnostics, d => d.Id is "CS8785" or "AD0001");
        DiagnosticAssert.AssertGeneratedTreesCompile(run);
    }

    // Found by the mutation fuzzer: names generated code cannot spell, so it must not try (the compiler reports them).
    public static TheoryData<string> Unspellable => new()
    {
        "using GeneratedBus;\nnamespace .Bodies;\npublic abstract record OrderEvent;\n[BusEvent] public sealed record Placed(int X) : OrderEvent;",
        "using GeneratedBus;\nnamespace Acme.;\npublic abstract record OrderEvent;\n[BusEvent] public sealed record Placed(int X) : OrderEvent;",
        "using GeneratedBus;\nnamespace Acme..Bodies;\npublic abstract record OrderEvent;\n[BusEvent] public sealed record Placed(int X) : OrderEvent;",
        "using GeneratedBus;\nnamespace Acme { public abstract record OrderEvent; }\nnamespace Acme.Events.{ [BusEvent] public sealed record Placed(int X) : Acme.OrderEvent; }",
        "using GeneratedBus;\nnamespace Acme { public abstract record OrderEvent; public static class { [BusEvent] public sealed record Placed(int X) : OrderEvent; } }",
        "using GeneratedBus;\npublic record Acme;\nnamespace Acme.Events { public abstract record OrderEvent; [BusEvent] public sealed record Placed(int X) : OrderEvent; }",
        "using GeneratedBus;\npublic abstract record OrderEvent;\npublic record Acme;\nnamespace Acme.Events { [BusEvent] public sealed record Placed(int X) : OrderEvent; }",
    };

    [Theory]
    [MemberData(nameof(Unspellable))]
    public void Types_in_nameless_or_clashing_namespaces_get_no_code(string input)
    {
        GeneratorRun run = GeneratorRun.For(input);

        Assert.Null(run.Result.Exception);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.Result.GeneratedSources);
        Assert.Contains(run.Input.GetDiagnostics(), d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
    }
}
