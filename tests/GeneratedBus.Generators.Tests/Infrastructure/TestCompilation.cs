using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace GeneratedBus.Generators.Tests.Infrastructure;

/// <summary>Builds offline compilations of test inputs against the running framework and the GeneratedBus runtime.</summary>
public static class TestCompilation
{
    /// <summary>Latest language, and docs diagnosed so that a missing XML doc in generated code is a warning.</summary>
    public static readonly CSharpParseOptions ParseOptions =
        new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    private static readonly Lazy<ImmutableArray<MetadataReference>> s_references = new(LoadReferences);

    /// <summary>A library compilation of <paramref name="sources"/>, files named <c>Input0.cs</c>, <c>Input1.cs</c>…</summary>
    public static CSharpCompilation Create(params string[] sources) => Create(ParseOptions, sources);

    /// <summary>Like <see cref="Create(string[])"/>, parsed with <paramref name="options"/>.</summary>
    public static CSharpCompilation Create(CSharpParseOptions options, params string[] sources)
    {
        IEnumerable<SyntaxTree> trees = sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, options, $"Input{i}.cs"));
        return CSharpCompilation.Create(
            "TestInput",
            trees,
            s_references.Value,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                generalDiagnosticOption: ReportDiagnostic.Error,
                // Every warning wave, as the SDK enables for current target frameworks.
                warningLevel: 9999)
                .WithSyntaxTreeOptionsProvider(new UndocumentedInputs()));
    }

    /// <summary>The reference to the GeneratedBus runtime among <paramref name="compilation"/>'s references.</summary>
    public static MetadataReference RuntimeReference(Compilation compilation)
        => compilation.References.Single(r => r.Display == typeof(BusEventAttribute).Assembly.Location);

    /// <summary>Parses <paramref name="source"/> as the file <paramref name="path"/> with <see cref="ParseOptions"/>.</summary>
    public static SyntaxTree Parse(string source, string path) => CSharpSyntaxTree.ParseText(source, ParseOptions, path);

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        string trusted = (string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!;
        // GeneratedBus.Hosting is in the test host (the hosting tests add it on purpose); everywhere else it must be
        // absent, as in a project that does not use it, or every input would get its hosting file.
        return trusted.Split(Path.PathSeparator)
            .Where(path => path.Length > 0 && !IsHosting(path))
            .Append(typeof(BusEventAttribute).Assembly.Location)
            .Distinct(StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }

    /// <summary>The GeneratedBus.Hosting assembly, which switches the hosting files on.</summary>
    public static MetadataReference HostingReference { get; } =
        MetadataReference.CreateFromFile(typeof(GeneratedBus.Hosting.BusDescriptor<,,>).Assembly.Location);

    /// <summary>Like <see cref="Create(string[])"/>, also referencing GeneratedBus.Hosting.</summary>
    public static CSharpCompilation WithHosting(params string[] sources) => Create(sources).AddReferences(HostingReference);

    private static bool IsHosting(string path) =>
        string.Equals(Path.GetFileName(path), "GeneratedBus.Hosting.dll", StringComparison.OrdinalIgnoreCase);

    // Test inputs are not documented (CS1591), and one is malformed on purpose (CS1570); generated trees keep both checks.
    private sealed class UndocumentedInputs : SyntaxTreeOptionsProvider
    {
        public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) => GeneratedKind.Unknown;

        public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
        {
            bool isInput = Path.GetFileName(tree.FilePath).StartsWith("Input", StringComparison.Ordinal);
            severity = ReportDiagnostic.Suppress;
            return isInput && diagnosticId is "CS1591" or "CS1570";
        }

        public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
        {
            severity = ReportDiagnostic.Default;
            return false;
        }
    }
}
