using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using GeneratedBus.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace GeneratedBus.Benchmarks.Scenarios;

/// <summary>The input of the generator benchmarks: a 1000-event bus, as the generator tests' large bus.</summary>
public static class ThousandEventSource
{
    public const int Events = 1000;

    private static readonly CSharpParseOptions Parse = new(LanguageVersion.Latest);

    /// <summary>The platform's assemblies and the GeneratedBus runtime, to compile against offline.</summary>
    public static IReadOnlyList<MetadataReference> References { get; } =
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Append(typeof(BusEventAttribute).Assembly.Location)
            .Distinct(StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToArray();

    /// <summary>Documented events, a third open to subclasses, so docs and the fallback switch are part of the work.</summary>
    public static SyntaxTree Tree()
    {
        var source = new StringBuilder("using GeneratedBus;\nnamespace Acme.Large;\npublic abstract record LargeEvent;\n");
        for (int i = 0; i < Events; i++)
        {
            source.Append("/// <summary>Event ").Append(i).Append(".</summary>\n[BusEvent] public ").Append(i % 3 == 0 ? "" : "sealed ")
                .Append("record Event").Append(i).Append("Happened(int Value) : LargeEvent;\n");
        }

        return CSharpSyntaxTree.ParseText(source.ToString(), Parse, "Events.cs");
    }

    /// <summary>A file that has nothing to do with events; <paramref name="version"/> changes its text.</summary>
    public static SyntaxTree Unrelated(int version) =>
        CSharpSyntaxTree.ParseText($"namespace Acme.Other; public static class Helper {{ public static int Compute() => {version}; }}", Parse, "Helper.cs");

    /// <summary>A fresh compilation: nothing bound yet, as when a build starts.</summary>
    public static CSharpCompilation Compilation(params SyntaxTree[] trees) =>
        CSharpCompilation.Create("Large", trees, References, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

    /// <summary>A new driver, as a build or a freshly opened IDE has.</summary>
    public static GeneratorDriver NewDriver(bool trackSteps = false) => NewDriver(new BusGenerator(), trackSteps);

    /// <summary>A new driver of <paramref name="generator"/>.</summary>
    public static GeneratorDriver NewDriver(IIncrementalGenerator generator, bool trackSteps = false) =>
        CSharpGeneratorDriver.Create(
            [generator.AsSourceGenerator()],
            parseOptions: Parse,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackSteps));
}
