using System.Linq;
using Microsoft.CodeAnalysis;

namespace GeneratedBus.Generators.Tests.Infrastructure;

/// <summary>Runs the generator over a marked source and asserts the one diagnostic it must report.</summary>
public static class DiagnosticAssert
{
    /// <summary>
    /// Asserts that the generator reports exactly one diagnostic, <paramref name="id"/>, of <paramref name="severity"/>
    /// (an error unless given) at the marked span, whose message names <paramref name="typeName"/>, that a
    /// <c>#pragma warning disable</c> in its file suppresses it, and that whatever it generated still compiles.
    /// </summary>
    /// <returns>The run, for further checks.</returns>
    public static GeneratorRun ReportsOnly(string markedSource, string id, string typeName, DiagnosticSeverity severity = DiagnosticSeverity.Error)
    {
        MarkedSource input = MarkedSource.Parse(markedSource);
        return ReportsOnly(input, TestCompilation.Create(input.Source), id, typeName, severity);
    }

    /// <summary>
    /// Like <see cref="ReportsOnly(string, string, string, DiagnosticSeverity)"/>, over a compilation whose first file,
    /// <c>Input0.cs</c>, is <paramref name="input"/>'s source.
    /// </summary>
    public static GeneratorRun ReportsOnly(MarkedSource input, Compilation compilation, string id, string typeName, DiagnosticSeverity severity = DiagnosticSeverity.Error)
    {
        Assert.Equal(input.Source, compilation.SyntaxTrees.First().ToString());
        GeneratorRun run = GeneratorRun.For(compilation);

        Diagnostic diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal(id, diagnostic.Id);
        // The default severity: the test compilation reports warnings as errors.
        Assert.Equal(severity, diagnostic.DefaultSeverity);
        Assert.Equal(input.Span, diagnostic.Location.SourceSpan);
        Assert.Equal("Input0.cs", diagnostic.Location.GetLineSpan().Path);
        // In the tree itself, not at its path: only then do the file's pragmas and .editorconfig sections apply.
        Assert.Same(compilation.SyntaxTrees.First(), diagnostic.Location.SourceTree);
        Assert.Contains($"'{typeName}'", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
        Assert.Equal($"https://github.com/generatedbus/generatedbus/blob/main/docs/diagnostics.md#{id.ToLowerInvariant()}", diagnostic.Descriptor.HelpLinkUri);
        Assert.Null(run.Result.Exception);
        AssertGeneratedTreesCompile(run);
        AssertPragmaSuppresses(compilation, id);
        return run;
    }

    /// <summary>
    /// Asserts that with <c>#pragma warning disable <paramref name="id"/></c> atop <c>Input0.cs</c> the compiler would
    /// report no <paramref name="id"/>: the driver still returns the diagnostic, marked suppressed, as it does for its
    /// own compiler's; a build leaves suppressed diagnostics out of its errors and warnings.
    /// </summary>
    public static void AssertPragmaSuppresses(Compilation compilation, string id)
    {
        SyntaxTree tree = compilation.SyntaxTrees.First();
        SyntaxTree disabled = tree.WithChangedText(tree.GetText().Replace(0, 0, $"#pragma warning disable {id}\n"));

        GeneratorRun run = GeneratorRun.For(compilation.ReplaceSyntaxTree(tree, disabled));

        Diagnostic diagnostic = Assert.Single(run.DriverDiagnostics, d => d.Id == id);
        Assert.True(diagnostic.IsSuppressed, $"{id} at {diagnostic.Location.GetLineSpan()} is not suppressed by the pragma above it.");
    }

    /// <summary>Asserts that no compiler diagnostic points into a generated tree.</summary>
    public static void AssertGeneratedTreesCompile(GeneratorRun run)
    {
        var generated = run.Result.GeneratedSources.Select(s => s.SyntaxTree).ToHashSet();
        Diagnostic[] inGenerated = run.Output.GetDiagnostics().Where(d => generated.Contains(d.Location.SourceTree!)).ToArray();
        Assert.True(inGenerated.Length == 0, Snapshot.DescribeDiagnostics(inGenerated));
    }
}
