using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text;
using GeneratedBus.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace GeneratedBus.Generators.Tests.Robustness;

/// <summary>
/// The syntax-decided path (<c>SyntaxDecidedEvent</c>): plain events beside a plain root, read from syntax and the
/// references' metadata names, never asking the compiler a semantic question. It must be invisible: at each edge of
/// what it accepts, on either side, it generates what the compiler's path generates. And where it accepts, the
/// compilation's references are never bound, which is the point of it.
/// </summary>
public class SyntaxDecidedBoundaryTests
{
    private const string Head = "using GeneratedBus;\nnamespace Acme.Large;\n";

    private const string Root = "public abstract record LargeEvent;\n";

    public static TheoryData<string> EdgeNames => new(Edges().Keys);

    [Theory]
    [MemberData(nameof(EdgeNames))]
    public void Every_edge_generates_what_the_compilers_path_generates(string name) => PlainEventPaths.AssertSame(Edges()[name]);

    [Theory]
    [InlineData("doc none")]
    [InlineData("doc multi-line")]
    [InlineData("doc blank line")]
    [InlineData("doc param")]
    [InlineData("doc trailing spaces")]
    [InlineData("doc attribute line between")]
    [InlineData("no parameters")]
    [InlineData("string in an oblivious file")]
    [InlineData("a global import in another file")]
    [InlineData("a global::-qualified import")]
    [InlineData("the root in another file")]
    [InlineData("the root in a nested namespace block")]
    [InlineData("a root that is not abstract")]
    [InlineData("an internal root, public events")]
    [InlineData("two roots in two namespaces")]
    [InlineData("[module: CLSCompliant]")]
    [InlineData("[assembly: AssemblyCompany]")]
    [InlineData("System types by simple name")]
    [InlineData("System types qualified")]
    [InlineData("System types after a global using System")]
    [InlineData("int?")]
    [InlineData("a nullable System type")]
    public void Edges_inside_the_path_are_decided_without_binding(string name)
    {
        // So that the comparison above tests the syntax-decided path on these, not the compiler's path twice.
        AssertUnbound(Edges()[name]);
    }

    [Fact]
    public void The_cold_build_bus_is_decided_without_binding_the_compilation()
    {
        var files = new List<string>();
        for (int file = 0; file < 10; file++)
        {
            var source = new StringBuilder(Head);
            if (file == 0)
            {
                source.Append(Root);
            }

            for (int n = file * 100; n < file * 100 + 100; n++)
            {
                source.Append("/// <summary>Event ").Append(n).Append(".</summary>\n[BusEvent] public ")
                    .Append(n % 3 == 0 ? "" : "sealed ").Append("record Event").Append(n).Append("Happened(int Value) : LargeEvent;\n");
            }

            files.Add(source.ToString());
        }

        AssertUnbound(files.ToArray());
        PlainEventPaths.AssertSame(files.ToArray());
    }

    [Theory]
    [InlineData(Head + Root + "/// <summary>Placed.</summary>\n[BusEvent] public sealed record Placed(int Id, string Note, string? Reason) : LargeEvent;\n[BusEvent] public record Opened : LargeEvent;\n[BusEvent] public abstract record Closing(long At) : LargeEvent;\n")]
    [InlineData(Head + "internal abstract record LargeEvent;\n[BusEvent] record Placed(bool A, byte B, sbyte C, short D, ushort E, uint F, long G, ulong H, float I, double J, decimal K) : LargeEvent;\n")]
    [InlineData("#nullable disable\nusing GeneratedBus;\nnamespace Acme.Large\n{\n    public abstract record LargeEvent;\n    [BusEvent] public sealed record Placed(string Note) : LargeEvent;\n}\n")]
    public void Plain_buses_are_decided_without_binding_the_compilation(string source)
    {
        AssertUnbound(source);
        PlainEventPaths.AssertSame(source);
    }

    [Theory]
    [InlineData(Head + Root + "[BusEvent, System.Obsolete(\"old\")] public sealed record Placed(int Id) : LargeEvent;\n")]
    [InlineData(Head + Root + "[BusEvent] public sealed record Placed(char Code) : LargeEvent;\n")]
    public void The_binding_check_sees_a_bound_compilation(string source)
    {
        // The control: the compiler's path binds, so the check below can fail.
        Compilation compilation = TestCompilation.Create(source);
        GeneratorRun.For(compilation, trackSteps: false);
        Assert.NotNull(AssemblySymbolOf(compilation));
    }

    public static TheoryData<string> LibraryNames => new(Libraries().Keys);

    [Theory]
    [MemberData(nameof(LibraryNames))]
    public void Every_referenced_edge_generates_what_the_compilers_path_generates(string name)
    {
        (string app, string library) = Libraries()[name];
        PlainEventPaths.AssertSame(TestCompilation.Create(app).AddReferences(ReferencedLibrary.Build("Edge", [library])));
    }

    [Fact]
    public void A_runtime_behind_an_extern_alias_generates_what_the_compilers_path_generates()
    {
        // Its types are not in the global namespace, so 'using GeneratedBus;' names nothing.
        CSharpCompilation compilation = TestCompilation.Create(Head + Root + "[BusEvent] public sealed record Placed(int Id) : LargeEvent;\n");
        MetadataReference runtime = TestCompilation.RuntimeReference(compilation);
        PlainEventPaths.AssertSame(compilation.ReplaceReference(runtime, runtime.WithAliases(["rt"])));
    }

    [Theory]
    [InlineData(DocumentationMode.None)]
    [InlineData(DocumentationMode.Parse)]
    public void Every_doc_comment_mode_generates_what_the_compilers_path_generates(DocumentationMode mode)
    {
        CSharpParseOptions options = TestCompilation.ParseOptions.WithDocumentationMode(mode);
        foreach ((string name, string[] files) in Edges().Where(edge => edge.Key.StartsWith("doc ", System.StringComparison.Ordinal)))
        {
            PlainEventPaths.AssertSame(TestCompilation.Create(options, files));
        }
    }

    private static Dictionary<string, (string App, string Library)> Libraries()
    {
        const string Placed = "[BusEvent] public sealed record Placed(int Id) : LargeEvent;\n";
        return new Dictionary<string, (string, string)>
        {
            ["another BusEventAttribute, imported"] = (
                "using GeneratedBus;\nusing Acme.Lib;\nnamespace Acme.Large;\n" + Root + Placed,
                "namespace Acme.Lib { public sealed class BusEventAttribute : System.Attribute { } }\n"),
            ["another BusEventAttribute, not imported"] = (Head + Root + Placed, "namespace Acme.Lib { public sealed class BusEventAttribute : System.Attribute { } }\n"),
            ["a nested BusEventAttribute, imported by using static"] = (
                "using GeneratedBus;\nusing static Acme.Lib.Holder;\nnamespace Acme.Large;\n" + Root + Placed,
                "namespace Acme.Lib { public static class Holder { public sealed class BusEventAttribute : System.Attribute { } } }\n"),
            ["an internal BusEvent type"] = (Head + Root + Placed, "namespace Acme.Lib { internal sealed class BusEvent { } }\n"),
            ["a global type named GeneratedBus"] = (Head + Root + Placed, "public static class GeneratedBus { }\n"),
            ["a second runtime mark"] = (Head + Root + Placed, "namespace GeneratedBus { public sealed class BusEventAttribute : System.Attribute { } }\n"),
            ["a second runtime type"] = (Head + Root + Placed, "namespace GeneratedBus { public sealed class BusOptions { } }\n"),
            ["the root declared there too"] = (Head + Root + Placed, "namespace Acme.Large { public abstract record LargeEvent; }\n"),
            ["a generated name taken there"] = (Head + Root + Placed, "namespace Acme.Large { public sealed class LargeBus { } }\n"),
            ["a generated name taken internally there"] = (Head + Root + Placed, "namespace Acme.Large { internal sealed class LargeListener { } }\n"),
            ["a namespace there named like a generated type"] = (Head + Root + Placed, "namespace Acme.Large.ILargeListener { public sealed class Holder { } }\n"),
            ["a namespace there named like an event"] = (Head + Root + Placed, "namespace Acme.Large.Placed { public sealed class Holder { } }\n"),
            ["another type named like a System type there"] = (
                "using System;\n" + Head + Root + "[BusEvent] public sealed record Placed(Guid Id) : LargeEvent;\n",
                "namespace Acme.Lib { public sealed class Guid { } }\n"),
            ["a namespace there named like a System type"] = (
                "using System;\n" + Head + Root + "[BusEvent] public sealed record Placed(Guid Id) : LargeEvent;\n",
                "namespace Acme.Guid { public sealed class Holder { } }\n"),
            ["an unrelated library"] = (Head + Root + Placed, "namespace Acme.Lib { public sealed class Helper { } }\n"),
        };
    }

    private static void AssertUnbound(params string[] files)
    {
        Compilation compilation = TestCompilation.Create(files);
        GeneratorRun run = GeneratorRun.For(compilation, trackSteps: false);
        Assert.NotEmpty(run.Result.GeneratedSources);
        Assert.Null(AssemblySymbolOf(compilation));
    }

    // The compilation's source assembly symbol, made by the first question that needs its references bound.
    private static object? AssemblySymbolOf(Compilation compilation)
    {
        FieldInfo? field = compilation.GetType().GetField("_lazyAssemblySymbol", BindingFlags.NonPublic | BindingFlags.Instance);
        Assert.True(field is not null, "CSharpCompilation no longer has _lazyAssemblySymbol: find what tells a bound compilation now.");
        return field!.GetValue(compilation);
    }

    private static Dictionary<string, string[]> Edges()
    {
        const string Placed = "[BusEvent] public sealed record Placed(int Id) : LargeEvent;\n";
        var edges = new Dictionary<string, string[]>
        {
            // Doc comments: plain ones are read from syntax, the rest by the compiler.
            ["doc none"] = [Head + Root + Placed],
            ["doc multi-line"] = [Head + Root + "/// <summary>\n///   Placed,\n///     indented.\n/// </summary>\n/// <remarks>Remarks.</remarks>\n" + Placed],
            ["doc blank line"] = [Head + Root + "///\n/// <summary>Placed.</summary>\n///\n" + Placed],
            ["doc block"] = [Head + Root + "/** <summary>Placed.</summary> */\n" + Placed],
            ["doc malformed"] = [Head + Root + "/// <summary>Placed.\n" + Placed],
            ["doc cref"] = [Head + Root + "/// <summary>After <see cref=\"LargeEvent\"/>.</summary>\n" + Placed],
            ["doc nested"] = [Head + Root + "/// <summary><para>Placed.</para></summary>\n" + Placed],
            ["doc entity"] = [Head + Root + "/// <summary>Placed &amp; paid.</summary>\n" + Placed],
            ["doc non-ascii"] = [Head + Root + "/// <summary>Placé.</summary>\n" + Placed],
            ["doc param"] = [Head + Root + "/// <summary>Placed.</summary>\n/// <param name=\"Id\">The id.</param>\n" + Placed],
            ["doc trailing spaces"] = [Head + Root + "/// <summary>Placed.   </summary>   \n" + Placed],
            ["doc attribute line between"] = [Head + Root + "/// <summary>Placed.</summary>\n[BusEvent]\npublic sealed record Placed(int Id) : LargeEvent;\n"],

            // Members.
            ["no parameters"] = [Head + Root + "[BusEvent] public sealed record Placed : LargeEvent;\n"],
            ["string in an oblivious file"] = ["#nullable disable\n" + Head + Root + "[BusEvent] public sealed record Placed(string Note) : LargeEvent;\n"],
            ["string? in an oblivious file"] = ["#nullable disable\n" + Head + Root + "[BusEvent] public sealed record Placed(string? Note) : LargeEvent;\n"],
            ["int?"] = [Head + Root + "[BusEvent] public sealed record Placed(int? Id, long? At, bool? Done) : LargeEvent;\n"],
            ["string? beside int?"] = [Head + Root + "[BusEvent] public sealed record Placed(string? Note, decimal? Amount) : LargeEvent;\n"],
            ["string? in an annotations-only-warnings file"] = ["#nullable enable warnings\n" + Head + Root + "[BusEvent] public sealed record Placed(string? Note, string Other) : LargeEvent;\n"],
            ["char, object, nint"] = [Head + Root + "[BusEvent] public sealed record Placed(char A, object B, nint C) : LargeEvent;\n"],
            ["a default"] = [Head + Root + "[BusEvent] public sealed record Placed(int Id = 3) : LargeEvent;\n"],
            ["a member named Event"] = [Head + Root + "[BusEvent] public sealed record Placed(int Event) : LargeEvent;\n"],
            ["members differing in case"] = [Head + Root + "[BusEvent] public sealed record Placed(int Id, int ID) : LargeEvent;\n"],
            ["a member named like the record"] = [Head + Root + "[BusEvent] public sealed record Placed(int Placed) : LargeEvent;\n"],
            ["a body"] = [Head + Root + "[BusEvent] public sealed record Placed(int Id) : LargeEvent { public int Twice => Id * 2; }\n"],

            // System types the codec writes as primitives, named without a keyword.
            ["System types by simple name"] = ["using System;\n" + Head + Root + "[BusEvent] public sealed record Placed(DateTime A, DateTimeOffset B, TimeSpan C, Guid D) : LargeEvent;\n"],
            ["System types qualified"] = [Head + Root + "[BusEvent] public sealed record Placed(System.DateTimeOffset A, global::System.Guid B) : LargeEvent;\n"],
            ["System types after a global using System"] = [Head + Root + "[BusEvent] public sealed record Placed(DateTimeOffset At) : LargeEvent;\n", "global using global::System;\n"],
            ["a System type without the import"] = [Head + Root + "[BusEvent] public sealed record Placed(DateTimeOffset At) : LargeEvent;\n"],
            ["a System type imported inside the namespace"] = ["using GeneratedBus;\nnamespace Acme.Large;\nusing System;\n" + Root + "[BusEvent] public sealed record Placed(Guid Id) : LargeEvent;\n"],
            ["another type named like a System type"] = ["using System;\n" + Head + Root + "[BusEvent] public sealed record Placed(Guid Id) : LargeEvent;\n", "namespace Acme.Ids { public readonly record struct Guid(int Value); }\n"],
            ["a System type's name nested elsewhere"] = ["using System;\n" + Head + Root + "[BusEvent] public sealed record Placed(Guid Id) : LargeEvent;\n", "public static class Holder { public sealed class Guid { } }\n"],
            ["a namespace named like a System type on the way"] = ["using System;\n" + Head + Root + "[BusEvent] public sealed record Placed(Guid Id) : LargeEvent;\n", "namespace Acme.Guid { internal static class Holder { } }\n"],
            ["a namespace named System on the way"] = [Head + Root + "[BusEvent] public sealed record Placed(System.Guid Id) : LargeEvent;\n", "namespace Acme.System { internal static class Holder { } }\n"],
            ["an alias named like a System type"] = ["using System;\nusing Guid = System.String;\n" + Head + Root + "[BusEvent] public sealed record Placed(Guid Id) : LargeEvent;\n"],
            ["an alias named System"] = ["using System = System.Text;\n" + Head + Root + "[BusEvent] public sealed record Placed(System.Guid Id) : LargeEvent;\n"],
            ["a nullable System type"] = ["using System;\n" + Head + Root + "[BusEvent] public sealed record Placed(Guid? Id, System.DateTimeOffset? At) : LargeEvent;\n"],
            ["a System type in the runtime's file, declared in source there"] = ["using System;\n" + Head + Root + "[BusEvent] public sealed record Placed(Guid Id) : LargeEvent;\n", "namespace System { public readonly record struct Guid(int Value); }\n"],

            // The mark.
            ["another BusEventAttribute imported"] = [Head.Replace("using GeneratedBus;", "using GeneratedBus;\nusing Acme.Lib;") + Root + Placed, "namespace Acme.Lib { public sealed class BusEventAttribute : System.Attribute { } }\n"],
            ["a nested BusEvent type"] = [Head + Root + Placed + "public static class Holder { public sealed class BusEvent : System.Attribute { } }\n"],
            ["a global alias of the mark"] = [Head.Replace("using GeneratedBus;\n", "") + Root + Placed, "global using BusEvent = GeneratedBus.BusEventAttribute;\n"],
            ["no import"] = ["namespace Acme.Large;\n" + Root + Placed],
            ["the import after a file-scoped namespace"] = ["namespace Acme.Large;\nusing GeneratedBus;\n" + Root + Placed],
            ["the import inside a block namespace"] = ["namespace Acme.Large\n{\n    using GeneratedBus;\n    public abstract record LargeEvent;\n    " + Placed + "}\n"],
            ["a global import in another file"] = ["namespace Acme.Large;\n" + Root + Placed, "global using GeneratedBus;\n"],
            ["a global::-qualified import"] = ["using global::GeneratedBus;\nnamespace Acme.Large;\n" + Root + Placed],
            ["a global type named GeneratedBus"] = [Head + Root + Placed, "public static class GeneratedBus { }\n"],
            ["a source type in the runtime's namespace"] = [Head + Root + Placed, "namespace GeneratedBus { internal static class Extra { } }\n"],

            // The root.
            ["the root in another file"] = [Head + Placed, Head + Root],
            ["the root in a nested namespace block"] = [Head + Placed, "namespace Acme { namespace Large { public abstract record LargeEvent; } }\n"],
            ["a partial root"] = [Head + "public abstract partial record LargeEvent;\npublic abstract partial record LargeEvent;\n" + Placed],
            ["a root with parameters"] = [Head + "public abstract record LargeEvent(long At);\n[BusEvent] public sealed record Placed(int Id) : LargeEvent(0);\n"],
            ["a root with a member"] = [Head + "public abstract record LargeEvent { public long At { get; init; } }\n" + Placed],
            ["a root that is not abstract"] = [Head + "public record LargeEvent;\n" + Placed],
            ["an internal root, public events"] = [Head + "internal abstract record LargeEvent;\n" + Placed],
            ["a public root, an internal event"] = [Head + Root + "[BusEvent] internal sealed record Placed(int Id) : LargeEvent;\n"],
            ["a root with [EventBus]"] = [Head + "[EventBus(\"Other\")] public abstract record LargeEvent;\n" + Placed],
            ["a root with [Obsolete]"] = [Head + "[System.Obsolete(\"old\")] public abstract record LargeEvent;\n" + Placed],
            ["a root based on another"] = [Head + "public abstract record Base;\npublic abstract record LargeEvent : Base;\n" + Placed],
            ["an alias named like the root in the namespace"] = ["using GeneratedBus;\nnamespace Acme.Large\n{\n    using LargeEvent = System.Object;\n    public abstract record LargeEvent;\n    " + Placed + "}\n"],
            ["a generic namesake of the root"] = [Head + Root + "public abstract record LargeEvent<T>;\n" + Placed],
            ["a source type taking a generated name"] = [Head + Root + Placed + "public sealed class LargeListener { }\n"],
            ["a namespace taking a generated name"] = [Head + Root + Placed, "namespace Acme.Large.LargeBus { internal static class Holder { } }\n"],
            ["a namespace named like a source type"] = [Head + Root + Placed, "public static class Acme { }\n"],
            ["an event declared twice"] = [Head + Root + Placed + Placed],
            ["a record struct event"] = [Head + Root + "[BusEvent] public readonly record struct Moved(int Id);\n"],
            ["an event nested in a class"] = [Head + Root + "public static class Holder { " + Placed + "}\n"],
            ["two roots in two namespaces"] = [Head + Root + Placed, "using GeneratedBus;\nnamespace Acme.Other;\npublic abstract record OtherEvent;\n[BusEvent] public sealed record Moved(int Id) : OtherEvent;\n"],
            ["an event of a root in another namespace"] = [Head + Placed.Replace("LargeEvent", "Acme.Other.OtherEvent"), "namespace Acme.Other;\npublic abstract record OtherEvent;\n"],

            // The assembly's own attributes.
            ["[assembly: Experimental]"] = [Head + Root + Placed, "[assembly: System.Diagnostics.CodeAnalysis.Experimental(\"GB9\")]\n"],
            ["an aliased [assembly: Experimental]"] = [Head + Root + Placed, "using Exp = System.Diagnostics.CodeAnalysis.ExperimentalAttribute;\n[assembly: Exp(\"GB9\")]\n"],
            ["[module: CLSCompliant]"] = [Head + Root + Placed, "[module: System.CLSCompliant(false)]\n"],
            ["[assembly: AssemblyCompany]"] = [Head + Root + Placed, "[assembly: System.Reflection.AssemblyCompany(\"Acme\")]\n"],
        };
        return edges;
    }
}
