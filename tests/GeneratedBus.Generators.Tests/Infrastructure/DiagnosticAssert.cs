using System.Linq;
using Microsoft.CodeAnalysis;

namespace GeneratedBus.Generators.Tests.Infrastructure;

/// <summary>Runs the generator over a marked source and asserts the one diagnostic it must report.</summary>
public static class DiagnosticAssert
{
    /// <summary>
    /// Asserts that the generator reports exactly one diagnostic, <paramref name="id"/>, of <paramref name="severity"/>
    /// (an error unless given) at the marked span, whose message names <paramref name="typeName"/>, and that whatever it
    /// generated still compiles.
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
        Assert.Contains($"'{typeName}'", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
        Assert.Equal($"https://github.com/generatedbus/generatedbus/blob/main/docs/diagnostics.md#{id.ToLowerInvariant()}", diagnostic.Descriptor.HelpLinkUri);
        Assert.Null(run.Result.Exception);
        AssertGeneratedTreesCompile(run);
        return run;
    }

    /// <summary>Asserts that no compiler diagnostic points into a generated tree.</summary>
    public static void AssertGeneratedTreesCompile(GeneratorRun run)
    {
        var generated = run.Result.GeneratedSources.Select(s => s.SyntaxTree).ToHashSet();
        Diagnostic[] inGenerated = run.Output.GetDiagnostics().Where(d => generated.Contains(d.Location.SourceTree!)).ToArray();
        Assert.True(inGenerated.Length == 0, Snapshot.DescribeDiagnostics(inGenerated));
    }
}
