using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Threading;
using GeneratedBus.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace GeneratedBus.Generators.Tests.Robustness;

/// <summary>
/// Review attacks on the syntax-decided path (<c>SyntaxDecidedEvent</c>): inputs where syntax might say something other
/// than the symbols, each compared with the compiler's path. Edges already in <see cref="SyntaxDecidedBoundaryTests"/>
/// are not repeated.
/// </summary>
public class SyntaxDecidedAttackTests
{
    private const string Head = "using GeneratedBus;\nnamespace Acme.Large;\n";

    private const string Root = "public abstract record LargeEvent;\n";

    private const string Placed = "[BusEvent] public sealed record Placed(int Id) : LargeEvent;\n";

    public static TheoryData<string> AttackNames => new(Attacks().Keys);

    [Theory]
    [MemberData(nameof(AttackNames))]
    public void Every_attack_generates_what_the_compilers_path_generates(string name) => PlainEventPaths.AssertSame(Attacks()[name]);

    [Theory]
    [InlineData("a BusEventAttributeAttribute in the namespace, [BusEventAttribute]")]
    [InlineData("doc CRLF line endings")]
    [InlineData("doc tab after ///")]
    [InlineData("doc no space after ///")]
    [InlineData("doc mixed space after ///")]
    [InlineData("auto-generated header, string")]
    [InlineData("an empty parameter list")]
    public void Attacks_that_take_the_syntax_decided_path(string name) => AssertUnbound(Attacks()[name]);

    [Fact]
    public void A_BusEventAttributeAttribute_in_a_library_namespace_imported()
    {
        const string App = "using GeneratedBus;\nusing Acme.Lib;\nnamespace Acme.Large;\n" + Root + "[BusEventAttribute] public sealed record Placed(int Id) : LargeEvent;\n";
        PlainEventPaths.AssertSame(TestCompilation.Create(App)
            .AddReferences(ReferencedLibrary.Build("Edge", ["namespace Acme.Lib { public sealed class BusEventAttributeAttribute : System.Attribute { } }\n"])));
    }

    [Fact]
    public void An_extern_alias_named_BusEvent()
    {
        CSharpCompilation compilation = TestCompilation.Create("extern alias BusEvent;\n" + Head + Root + Placed);
        MetadataReference library = ReferencedLibrary.Build("Edge", ["namespace Acme.Lib { public sealed class Helper { } }\n"]);
        PlainEventPaths.AssertSame(compilation.AddReferences(library.WithAliases(["BusEvent"])));
    }

    [Fact]
    public void A_global_type_named_like_the_namespace_in_a_library()
        => PlainEventPaths.AssertSame(TestCompilation.Create(Head + Root + Placed)
            .AddReferences(ReferencedLibrary.Build("Edge", ["public static class Acme { }\n"])));

    [Fact]
    public void The_runtime_referenced_twice()
    {
        CSharpCompilation compilation = TestCompilation.Create(Head + Root + Placed);
        MetadataReference runtime = TestCompilation.RuntimeReference(compilation);
        PlainEventPaths.AssertSame(compilation.AddReferences(MetadataReference.CreateFromFile(runtime.Display!)));
    }

    [Fact]
    public void An_unreadable_reference()
    {
        string path = System.IO.Path.GetTempFileName();
        System.IO.File.WriteAllText(path, "not an assembly");
        PlainEventPaths.AssertSame(TestCompilation.Create(Head + Root + Placed).AddReferences(MetadataReference.CreateFromFile(path)));
    }

    [Theory]
    [InlineData(LanguageVersion.CSharp7_3)]
    [InlineData(LanguageVersion.CSharp8)]
    [InlineData(LanguageVersion.CSharp9)]
    [InlineData(LanguageVersion.CSharp10)]
    public void Older_language_versions(LanguageVersion version)
    {
        CSharpParseOptions options = TestCompilation.ParseOptions.WithLanguageVersion(version);
        PlainEventPaths.AssertSame(TestCompilation.Create(options, Head + Root + "[BusEvent] public sealed record Placed(int Id, string Note, string? Reason) : LargeEvent;\n"));
        PlainEventPaths.AssertSame(TestCompilation.Create(options, "namespace Acme.Large;\n" + Root + Placed, "global using GeneratedBus;\n"));
        PlainEventPaths.AssertSame(TestCompilation.Create(options, "using GeneratedBus;\nnamespace Acme.Large\n{\n" + Root + "[BusEvent] public sealed record Placed(string Note) : LargeEvent;\n}\n"));
    }

    [Theory]
    [InlineData(NullableContextOptions.Disable)]
    [InlineData(NullableContextOptions.Annotations)]
    [InlineData(NullableContextOptions.Warnings)]
    public void Compilation_nullable_options(NullableContextOptions nullable)
    {
        CSharpCompilation compilation = TestCompilation.Create(Head + Root + "[BusEvent] public sealed record Placed(string Note, string? Reason) : LargeEvent;\n");
        PlainEventPaths.AssertSame(compilation.WithOptions(compilation.Options.WithNullableContextOptions(nullable)));
    }

    [Theory]
    [InlineData(GeneratedKind.MarkedGenerated)]
    [InlineData(GeneratedKind.NotGenerated)]
    public void A_tree_the_options_provider_calls_generated(GeneratedKind kind)
    {
        CSharpCompilation compilation = TestCompilation.Create(Head + Root + "[BusEvent] public sealed record Placed(string Note, string? Reason) : LargeEvent;\n");
        PlainEventPaths.AssertSame(compilation.WithOptions(compilation.Options.WithSyntaxTreeOptionsProvider(new GeneratedTrees(kind))));
    }

    [Fact]
    public void A_generated_file_name()
    {
        CSharpCompilation compilation = TestCompilation.Create();
        SyntaxTree tree = CSharpSyntaxTree.ParseText(Head + Root + "[BusEvent] public sealed record Placed(string Note) : LargeEvent;\n", TestCompilation.ParseOptions, "Input0.g.cs");
        PlainEventPaths.AssertSame(compilation.AddSyntaxTrees(tree));
    }

    private static Dictionary<string, string[]> Attacks()
    {
        const string PlacedAttr = "[BusEventAttribute] public sealed record Placed(int Id) : LargeEvent;\n";
        return new Dictionary<string, string[]>
        {
            // The mark: [BusEventAttribute] also looks up BusEventAttributeAttribute, and the namespace comes before the import.
            ["a BusEventAttributeAttribute in the namespace, [BusEventAttribute]"] = [Head + Root + PlacedAttr, "namespace Acme.Large { public sealed class BusEventAttributeAttribute : System.Attribute { } }\n"],
            ["a BusEventAttributeAttribute in the namespace, [BusEvent]"] = [Head + Root + Placed, "namespace Acme.Large { public sealed class BusEventAttributeAttribute : System.Attribute { } }\n"],
            ["an alias named BusEventAttributeAttribute, [BusEventAttribute]"] = ["using BusEventAttributeAttribute = System.ObsoleteAttribute;\n" + Head + Root + PlacedAttr],
            ["a global alias named BusEventAttributeAttribute"] = [Head + Root + PlacedAttr, "global using BusEventAttributeAttribute = System.ObsoleteAttribute;\n"],
            ["a nested BusEventAttributeAttribute by using static"] = ["using static Acme.Lib.Holder;\n" + Head + Root + PlacedAttr, "namespace Acme.Lib { public static class Holder { public sealed class BusEventAttributeAttribute : System.Attribute { } } }\n"],
            ["a global alias named GeneratedBus"] = ["namespace Acme.Large;\nusing GeneratedBus;\n" + Root + Placed, "global using GeneratedBus = System;\n"],
            ["a global alias named GeneratedBus, file-level import"] = [Head + Root + Placed, "global using GeneratedBus = Acme.Other;\nnamespace Acme.Other { public sealed class BusEventAttribute : System.Attribute { } }\n"],
            ["an extern alias in the namespace named like the root"] = ["using GeneratedBus;\nnamespace Acme.Large\n{\n    extern alias LargeEvent;\n    public abstract record LargeEvent;\n    " + Placed + "}\n"],
            ["an alias in an outer namespace block named like the root"] = ["using GeneratedBus;\nnamespace Acme\n{\n    using LargeEvent = System.Object;\n    namespace Large\n    {\n        public abstract record LargeEvent;\n        " + Placed + "    }\n}\n"],
            ["a generic BusEvent type in source"] = [Head + Root + Placed, "namespace Acme.Large { public sealed class BusEvent<T> : System.Attribute { } }\n"],

            // Doc comments.
            ["doc CR-only line endings"] = [(Head + Root + "/// <summary>\n/// Placed.\n/// </summary>\n/// <remarks>Why.</remarks>\n" + Placed).Replace("\n", "\r")],
            ["doc CRLF line endings"] = [(Head + Root + "/// <summary>\n/// Placed.\n/// </summary>\n/// <remarks>Why.</remarks>\n" + Placed).Replace("\n", "\r\n")],
            ["doc tab after ///"] = [Head + Root + "///\t<summary>\n///\tPlaced.\n///\t</summary>\n" + Placed],
            ["doc no space after ///"] = [Head + Root + "///<summary>\n///Placed.\n///</summary>\n" + Placed],
            ["doc mixed space after ///"] = [Head + Root + "/// <summary>\n///Placed,\n///    indented.\n/// </summary>\n" + Placed],
            ["doc indented with tabs"] = [Head + Root + "\t/// <summary>\n\t///   Placed.\n\t/// </summary>\n\t" + Placed],
            ["doc separated by a plain comment"] = [Head + Root + "/// <summary>Placed.</summary>\n// note\n/// <remarks>Why.</remarks>\n" + Placed],
            ["doc separated by a block comment"] = [Head + Root + "/// <summary>Placed.</summary>\n/* note */\n/// <remarks>Why.</remarks>\n" + Placed],
            ["doc followed by a plain comment"] = [Head + Root + "/// <summary>Placed.</summary>\n// note\n" + Placed],
            ["doc after a plain comment"] = [Head + Root + "// note\n/// <summary>Placed.</summary>\n" + Placed],
            ["doc separated by a blank line"] = [Head + Root + "/// <summary>Placed.</summary>\n\n/// <remarks>Why.</remarks>\n" + Placed],
            ["doc on the namespace line"] = ["using GeneratedBus;\nnamespace Acme.Large; /// <summary>Placed.</summary>\n" + Root + Placed],
            ["doc four slashes"] = [Head + Root + "/// <summary>Placed.</summary>\n//// <remarks>Why.</remarks>\n" + Placed],
            ["doc U+2028"] = [Head + Root + "/// <summary>Placed.</summary>\u2028/// <remarks>Why.</remarks>\n" + Placed],
            ["doc NEL"] = [Head + Root + "/// <summary>Placed.</summary>\u0085/// <remarks>Why.</remarks>\n" + Placed],
            ["doc a stray closing tag"] = [Head + Root + "/// <summary>Placed.</summary></summary>\n" + Placed],
            ["doc text outside"] = [Head + Root + "/// Placed.\n" + Placed],
            ["doc unknown tag"] = [Head + Root + "/// <foo>Placed.</foo>\n" + Placed],
            ["doc empty element"] = [Head + Root + "/// <summary></summary>\n" + Placed],
            ["doc only whitespace"] = [Head + Root + "///    \n" + Placed],

            // Nullable contexts.
            ["auto-generated header, string"] = ["// <auto-generated/>\n" + Head + Root + "[BusEvent] public sealed record Placed(string Note) : LargeEvent;\n"],
            ["auto-generated header, string?"] = ["// <auto-generated/>\n" + Head + Root + "[BusEvent] public sealed record Placed(string? Note) : LargeEvent;\n"],
            ["auto-generated header, #nullable enable"] = ["// <auto-generated/>\n#nullable enable\n" + Head + Root + "[BusEvent] public sealed record Placed(string Note, string? Reason) : LargeEvent;\n"],
            ["#nullable enable annotations"] = ["#nullable disable\n#nullable enable annotations\n" + Head + Root + "[BusEvent] public sealed record Placed(string Note, string? Reason) : LargeEvent;\n"],
            ["#nullable enable warnings"] = ["#nullable disable\n#nullable enable warnings\n" + Head + Root + "[BusEvent] public sealed record Placed(string Note) : LargeEvent;\n"],
            ["#nullable restore"] = ["#nullable disable\n#nullable restore\n" + Head + Root + "[BusEvent] public sealed record Placed(string Note) : LargeEvent;\n"],
            ["#nullable disable between root and event"] = [Head + Root + "#nullable disable\n[BusEvent] public sealed record Placed(string Note) : LargeEvent;\n"],

            // Members.
            ["an empty parameter list"] = [Head + Root + "[BusEvent] public sealed record Placed() : LargeEvent;\n"],
            ["a member named like the root"] = [Head + Root + "[BusEvent] public sealed record Placed(int LargeEvent) : LargeEvent;\n"],
            ["a member named Clone"] = [Head + Root + "[BusEvent] public sealed record Placed(int Clone) : LargeEvent;\n"],
            ["a member named like a keyword in another case"] = [Head + Root + "[BusEvent] public sealed record Placed(int Int, string String) : LargeEvent;\n"],
            ["a member named Id and the event named ID"] = [Head + Root + "[BusEvent] public sealed record ID(int Id) : LargeEvent;\n"],
            ["a member named like the event in another case"] = [Head + Root + "[BusEvent] public sealed record Placed(int placed) : LargeEvent;\n"],
            ["lower-case member names"] = [Head + Root + "[BusEvent] public sealed record Placed(int id, string note) : LargeEvent;\n"],
            ["a member named value"] = [Head + Root + "[BusEvent] public sealed record Placed(int value, int Value2) : LargeEvent;\n"],
            ["a member named like a generated local"] = [Head + Root + "[BusEvent] public sealed record Placed(int reader, int writer, int json, int options) : LargeEvent;\n"],
            ["a member named like the stem"] = [Head + Root + "[BusEvent] public sealed record PlacedEvent(int Placed) : LargeEvent;\n"],
            ["every keyword type, nullable string"] = [Head + Root + "[BusEvent] public sealed record Placed(bool A, byte B, sbyte C, short D, ushort E, int F, uint G, long H, ulong I, float J, double K, decimal L, string M, string? N) : LargeEvent;\n"],
            ["an abstract event with parameters"] = [Head + Root + "[BusEvent] public abstract record Placed(int Id) : LargeEvent;\n"],
            ["an internal event, internal root"] = [Head + "internal abstract record LargeEvent;\n[BusEvent] internal sealed record Placed(int Id) : LargeEvent;\n"],
            ["an event named like the namespace"] = [Head + Root + "[BusEvent] public sealed record Large(int Id) : LargeEvent;\n"],
            ["an event named Acme"] = [Head + Root + "[BusEvent] public sealed record Acme(int Id) : LargeEvent;\n"],
            ["an event named System"] = [Head + Root + "[BusEvent] public sealed record System(int Id) : LargeEvent;\n"],
            ["an event named GeneratedBus"] = [Head + Root + "[BusEvent] public sealed record GeneratedBus(int Id) : LargeEvent;\n"],
            ["an event named Event"] = [Head + Root + "[BusEvent] public sealed record Event(int Id) : LargeEvent;\n"],
            ["an event named like the root's stem"] = [Head + Root + "[BusEvent] public sealed record Large(int Id) : LargeEvent;\n"],
            ["an event named with a leading underscore"] = [Head + Root + "[BusEvent] public sealed record _Placed(int Id) : LargeEvent;\n"],
            ["an event named with unicode letters"] = [Head + Root + "[BusEvent] public sealed record Placé(int Id) : LargeEvent;\n"],
            ["an event named with a formatting character"] = [Head + Root + "[BusEvent] public sealed record Pla\u200Dced(int Id) : LargeEvent;\n"],
            ["a member named with a formatting character"] = [Head + Root + "[BusEvent] public sealed record Placed(int I\u200Dd) : LargeEvent;\n"],
            ["two events named alike but a formatting character"] = [Head + Root + Placed + "[BusEvent] public sealed record Pla\u00ADced(int Id) : LargeEvent;\n"],
            ["a root named with a formatting character"] = [Head + "public abstract record Large\u00ADEvent;\n" + Placed],
            ["a namespace named with a formatting character"] = ["using GeneratedBus;\nnamespace Acme.La\u00ADrge;\n" + Root + Placed],
            ["an event named like a generated name of another root"] = [Head + Root + "public abstract record OtherEvent;\n[BusEvent] public sealed record OtherBus(int Id) : LargeEvent;\n"],
            ["a root named Event"] = [Head + "public abstract record Event;\n[BusEvent] public sealed record Placed(int Id) : Event;\n"],
            ["a root named Bus"] = [Head + "public abstract record Bus;\n[BusEvent] public sealed record Placed(int Id) : Bus;\n"],
            ["a root named like the namespace"] = [Head + "public abstract record Large;\n[BusEvent] public sealed record Placed(int Id) : Large;\n"],
            ["a root named System"] = [Head + "public abstract record System;\n[BusEvent] public sealed record Placed(int Id) : System;\n"],
            ["a namespace named System"] = ["using GeneratedBus;\nnamespace Acme.System;\n" + Root + Placed],
            ["a namespace named GeneratedBus inside"] = ["using GeneratedBus;\nnamespace Acme.GeneratedBus;\n" + Root + Placed],
            ["a namespace Acme.Large.System elsewhere"] = [Head + Root + Placed, "namespace Acme.Large.System { internal static class Holder { } }\n"],
            ["a namespace Acme.Large.GeneratedBus elsewhere"] = [Head + Root + Placed, "namespace Acme.Large.GeneratedBus { internal static class Holder { } }\n"],
            ["a type Acme.System elsewhere"] = [Head + Root + Placed, "namespace Acme { internal static class System { } }\n"],
            ["a type Acme.Large.System elsewhere"] = [Head + Root + Placed, "namespace Acme.Large { internal static class System { } }\n"],
            ["a type Acme.Large.GeneratedBus elsewhere"] = [Head + Root + Placed, "namespace Acme.Large { internal static class GeneratedBus { } }\n"],
            ["a type Acme.Large.Global elsewhere"] = [Head + Root + Placed, "namespace Acme.Large { internal static class global { } }\n"],
            ["a file-local type named like a generated name"] = [Head + Root + Placed, "namespace Acme.Large { file sealed class LargeBus { } }\n"],
            ["a file-local root"] = [Head + "file abstract record LargeEvent;\n" + Placed],
            ["a file-local namesake of the event in another file"] = [Head + Root + Placed, "namespace Acme.Large { file sealed class Placed { } }\n"],

            // Trees.
            ["top-level statements"] = [Head.Replace("namespace Acme.Large;\n", "") + "System.Console.WriteLine();\nnamespace Acme.Large\n{\n" + Root + Placed + "}\n"],
            ["an enum named like the event's namespace in the global namespace"] = [Head + Root + Placed, "public enum Acme { A }\n"],
            ["a delegate named like a generated name"] = [Head + Root + Placed, "namespace Acme.Large { public delegate void LargeBus(); }\n"],
            ["a namespace Acme.Large.Placed declared empty"] = [Head + Root + Placed, "namespace Acme.Large.Placed { }\n"],
            ["a namespace Acme.Large.LargeBus declared empty"] = [Head + Root + Placed, "namespace Acme.Large.LargeBus { }\n"],
            ["the import under #if false"] = ["#if false\nusing GeneratedBus;\n#endif\nnamespace Acme.Large;\n" + Root + Placed],
            ["the namespace under #if"] = ["using GeneratedBus;\n#if DEBUG\nnamespace Acme.Small;\n#else\nnamespace Acme.Large;\n#endif\n" + Root + Placed],
            ["using static GeneratedBus"] = ["using static GeneratedBus.BusEventAttribute;\nnamespace Acme.Large;\n" + Root + Placed],
            ["the import twice"] = [Head.Replace("using GeneratedBus;", "using GeneratedBus;\nusing GeneratedBus;") + Root + Placed],
            ["the import after an alias"] = ["using X = System.Object;\n" + Head + Root + Placed],
            ["a using static of a class with an Attribute named like the root"] = ["using static Acme.Other.Holder;\n" + Head + Root + Placed, "namespace Acme.Other { public static class Holder { public abstract record LargeEvent; } }\n"],
            ["an [assembly: Obsolete] via a global alias of other name"] = [Head + Root + Placed, "global using Old = System.ObsoleteAttribute;\n[assembly: Old]\n"],
            ["an [assembly: ObsoleteAttribute] spelled fully"] = [Head + Root + Placed, "[assembly: global::System.ObsoleteAttribute(\"x\")]\n"],
            ["an assembly attribute with a target list of two"] = [Head + Root + Placed, "[assembly: System.Reflection.AssemblyCompany(\"A\"), System.Obsolete]\n"],
            ["an assembly attribute inside a namespace"] = [Head + Root + Placed, "namespace Acme.Other { [assembly: System.Obsolete] }\n"],
            ["an assembly Experimental inside a file-scoped namespace file"] = [Head + Root + Placed, "[assembly: System.Diagnostics.CodeAnalysis.Experimental(\"GB9\")]\nnamespace Acme.Other;\n"],

            // Half-typed code.
            ["no semicolon at the end"] = [Head + Root + "[BusEvent] public sealed record Placed(int Id) : LargeEvent"],
            ["no closing parenthesis"] = [Head + Root + "[BusEvent] public sealed record Placed(int Id : LargeEvent;\n"],
            ["a trailing comma"] = [Head + Root + "[BusEvent] public sealed record Placed(int Id, ) : LargeEvent;\n"],
            ["a missing base"] = [Head + Root + "[BusEvent] public sealed record Placed(int Id) : ;\n"],
            ["a missing type"] = [Head + Root + "[BusEvent] public sealed record Placed(Id) : LargeEvent;\n"],
            ["a missing attribute bracket"] = [Head + Root + "[BusEvent public sealed record Placed(int Id) : LargeEvent;\n"],
            ["a root without a semicolon"] = [Head + "public abstract record LargeEvent\n" + Placed],
            ["a root with an open brace"] = [Head + "public abstract record LargeEvent {\n" + Placed],
            ["a stray closing brace after"] = [Head + Root + Placed + "}\n"],
            ["a stray token before"] = [Head + Root + "; " + Placed],
            ["a stray token in the base list"] = [Head + Root + "[BusEvent] public sealed record Placed(int Id) : LargeEvent 3;\n"],
            ["a stray token in the parameters"] = [Head + Root + "[BusEvent] public sealed record Placed(int Id 3) : LargeEvent;\n"],
            ["a missing namespace brace"] = ["using GeneratedBus;\nnamespace Acme.Large\n{\n" + Root + Placed],
            ["a missing namespace name"] = ["using GeneratedBus;\nnamespace ;\n" + Root + Placed],
            ["two file-scoped namespaces"] = [Head + Root + Placed + "namespace Acme.Other;\n"],
            ["a block namespace after a file-scoped one"] = [Head + Root + Placed + "namespace Acme.Other { }\n"],
            ["a file-scoped namespace inside a block"] = ["using GeneratedBus;\nnamespace Acme\n{\nnamespace Large;\n" + Root + Placed + "}\n"],
            ["a nested file-scoped namespace in the event's file"] = ["using GeneratedBus;\nnamespace Acme;\nnamespace Large;\n" + Root + Placed],
            ["a using after the namespace members"] = [Head + Root + Placed + "using System;\n"],
            ["a record keyword only"] = [Head + Root + "[BusEvent] record\n"],
            ["a sealed root"] = [Head + "public sealed record LargeEvent;\n" + Placed],
            ["a static root"] = [Head + "public static record LargeEvent;\n" + Placed],
            ["a public internal event"] = [Head + Root + "[BusEvent] public internal sealed record Placed(int Id) : LargeEvent;\n"],
            ["a private event"] = [Head + Root + "[BusEvent] private sealed record Placed(int Id) : LargeEvent;\n"],
            ["a protected root"] = [Head + "protected abstract record LargeEvent;\n" + Placed],
            ["a root with an empty parameter list"] = [Head + "public abstract record LargeEvent();\n" + Placed],
            ["a root declared as a class"] = [Head + "public abstract class LargeEvent { }\n" + Placed],
            ["an event declared as a class"] = [Head + Root.Replace("record LargeEvent;", "class LargeEvent { }") + "[BusEvent] public sealed class Placed : LargeEvent { }\n"],
            ["a root record class"] = [Head + "public abstract record class LargeEvent;\n" + Placed],
            ["an event record class"] = [Head + Root + "[BusEvent] public sealed record class Placed(int Id) : LargeEvent;\n"],
            ["an event deriving from itself"] = [Head + Root + "[BusEvent] public sealed record Placed(int Id) : Placed;\n"],
            ["an event deriving from another event"] = [Head + Root + "[BusEvent] public record Opened(int Id) : LargeEvent;\n[BusEvent] public sealed record Placed(int Id) : Opened;\n"],
            ["a cycle of roots"] = [Head + "public abstract record LargeEvent : LargeEvent;\n" + Placed],
        };
    }

    private static void AssertUnbound(params string[] files)
    {
        Compilation compilation = TestCompilation.Create(files);
        GeneratorRun run = GeneratorRun.For(compilation, trackSteps: false);
        Assert.NotEmpty(run.Result.GeneratedSources);
        FieldInfo? field = compilation.GetType().GetField("_lazyAssemblySymbol", BindingFlags.NonPublic | BindingFlags.Instance);
        Assert.True(field is not null, "CSharpCompilation no longer has _lazyAssemblySymbol.");
        Assert.Null(field!.GetValue(compilation));
    }

    private sealed class GeneratedTrees(GeneratedKind kind) : SyntaxTreeOptionsProvider
    {
        public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) => kind;

        public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
        {
            severity = ReportDiagnostic.Suppress;
            return diagnosticId is "CS1591" or "CS1570";
        }

        public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
        {
            severity = ReportDiagnostic.Default;
            return false;
        }
    }
}
