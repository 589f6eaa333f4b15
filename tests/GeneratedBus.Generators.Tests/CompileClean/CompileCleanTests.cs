using System.Linq;
using GeneratedBus.Generators.Tests.Infrastructure;
using GeneratedBus.Generators.Tests.Inputs;

namespace GeneratedBus.Generators.Tests.CompileClean;

/// <summary>Each snapshot input compiles with its generated code to zero diagnostics of any severity, warnings as errors.</summary>
public class CompileCleanTests
{
    [Theory]
    [MemberData(nameof(SnapshotInputs.All), MemberType = typeof(SnapshotInputs))]
    public void Generated_code_compiles_without_any_diagnostic(string input)
    {
        GeneratorRun run = GeneratorRun.For(SnapshotInputs.Named(input));

        Assert.Empty(run.DriverDiagnostics);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Null(run.Result.Exception);
        Assert.NotEmpty(run.Result.GeneratedSources);
        var diagnostics = run.Output.GetDiagnostics();
        Assert.True(diagnostics.IsEmpty, Snapshot.DescribeDiagnostics(diagnostics));
        Assert.DoesNotContain(diagnostics, d => d.Id is "CS8785" or "AD0001");
    }
}
