using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using GeneratedBus.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace GeneratedBus.Generators.Tests.Robustness.Corpus;

/// <summary>
/// The curated corpus of odd-but-legal shapes: each gets correct code (compiling warning-free, and dispatching as its
/// probe expects) or exactly the diagnostics it names.
/// </summary>
[Trait("Category", "Fuzz")]
public class CorpusTests
{
    private static readonly Dictionary<string, CorpusCase> s_cases = NestingShapes.All
        .Concat(TypeKindShapes.All)
        .Concat(NameShapes.All)
        .Concat(LayoutShapes.All)
        .ToDictionary(c => c.Name);

    public static TheoryData<string> Names => new(s_cases.Keys);

    [Theory]
    [MemberData(nameof(Names))]
    public void Yields_correct_code_or_the_expected_diagnostic(string name)
    {
        CorpusCase shape = s_cases[name];
        GeneratorRun run = GeneratorRun.For(shape.Files);

        Assert.Null(run.Result.Exception);
        Assert.DoesNotContain(run.DriverDiagnostics, d => d.Id is "CS8785" or "AD0001");
        Assert.Equal(shape.Diagnostics.Select(d => d.Id), run.GeneratorDiagnostics.Select(d => d.Id));
        foreach ((ExpectedDiagnostic expected, Diagnostic actual) in shape.Diagnostics.Zip(run.GeneratorDiagnostics))
        {
            Assert.Contains($"'{expected.TypeName}'", actual.GetMessage(CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
        }

        if (shape.Diagnostics.Count == 0)
        {
            Assert.NotEmpty(run.Result.GeneratedSources);
            var diagnostics = run.Output.GetDiagnostics();
            Assert.True(diagnostics.IsEmpty, Snapshot.DescribeDiagnostics(diagnostics.Take(10)));
        }
        else
        {
            DiagnosticAssert.AssertGeneratedTreesCompile(run);
        }

        if (shape.ProbeResult is { } expectedResult)
        {
            Assert.Equal(expectedResult, CompiledAssembly.Invoke(run, shape.ProbeType, "Run"));
        }
    }
}
