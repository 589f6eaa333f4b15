using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using GeneratedBus.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace GeneratedBus.Testing;

/// <summary>
/// Runs GeneratedBus's generator over source files as the project's build would, and insists the result compiles:
/// an error anywhere, a warning in generated code, or a generator diagnostic at warning or error fails the run.
/// </summary>
internal static class GeneratorRun
{
    private const string GlobalUsingsFile = "GlobalUsings.g.cs";

    /// <summary>The generated sources, by hint name, for <paramref name="files"/> compiled with <paramref name="settings"/>.</summary>
    /// <exception cref="GeneratedCodeSnapshotException">The input or the output does not compile, or the generator reports a problem.</exception>
    public static IReadOnlyList<(string HintName, string Text)> Generate(
        IReadOnlyList<string> files, CompilerSettings settings, IEnumerable<System.Reflection.Assembly> references)
    {
        CSharpParseOptions parseOptions = settings.ParseOptions;
        var trees = files
            .Select(path => CSharpSyntaxTree.ParseText(SourceText.From(File.ReadAllText(path), Encoding.UTF8), parseOptions, path))
            .ToList();
        if (settings.GlobalUsings.Count > 0)
        {
            string usings = string.Concat(settings.GlobalUsings.Select(u => $"global using global::{u};\n"));
            trees.Add(CSharpSyntaxTree.ParseText(usings, parseOptions, GlobalUsingsFile));
        }

        CSharpCompilation input = CSharpCompilation.Create(
            "GeneratedBus.Testing.Input",
            trees,
            SnapshotReferences.For(settings.TargetFramework, references),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: settings.Nullable, warningLevel: 9999));

        GeneratorDriver driver = CSharpGeneratorDriver.Create([new BusGenerator().AsSourceGenerator()], parseOptions: parseOptions);
        driver = driver.RunGeneratorsAndUpdateCompilation(input, out Compilation output, out ImmutableArray<Diagnostic> driverDiagnostics);
        GeneratorRunResult result = driver.GetRunResult().Results.Single();

        var generatedTrees = new HashSet<SyntaxTree>(result.GeneratedSources.Select(s => s.SyntaxTree));
        Diagnostic[] problems = driverDiagnostics
            .Concat(result.Diagnostics)
            .Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .Concat(output.GetDiagnostics().Where(d =>
                d.Severity == DiagnosticSeverity.Error
                || (d.Severity == DiagnosticSeverity.Warning && generatedTrees.Contains(d.Location.SourceTree!))))
            .Distinct()
            .ToArray();
        if (problems.Length > 0)
        {
            throw new GeneratedCodeSnapshotException(
                $"The snapshot's input does not compile cleanly ({files.Count} file(s), C# {settings.LanguageVersion.ToDisplayString()}, "
                + $"nullable {settings.Nullable.ToString().ToLowerInvariant()}, {settings.GlobalUsings.Count} global usings):\n"
                + Describe(problems));
        }

        return result.GeneratedSources.Select(s => (s.HintName, s.SourceText.ToString())).ToArray();
    }

    /// <summary>One line per diagnostic, as the compiler prints it: file(line,column): severity ID: message.</summary>
    public static string Describe(IEnumerable<Diagnostic> diagnostics) => string.Join("\n", diagnostics.Select(d =>
    {
        FileLinePositionSpan span = d.Location.GetLineSpan();
        string where = d.Location.IsInSource
            ? $"{span.Path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): "
            : "";
        return $"{where}{d.Severity.ToString().ToLowerInvariant()} {d.Id}: {d.GetMessage(CultureInfo.InvariantCulture)}";
    }));
}
