using System.Linq;
using GeneratedBus.Generators.Tests.Infrastructure;
using GeneratedBus.Generators.Tests.Inputs;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace GeneratedBus.Generators.Tests.CompileClean;

/// <summary>The JSON codec generated for every member shape compiles to zero diagnostics, warnings as errors.</summary>
public class CodecCompileCleanTests
{
    [Fact]
    public void Codec_for_every_member_shape_compiles_without_any_diagnostic()
    {
        GeneratorRun run = GeneratorRun.For(CodecInputs.EveryShape);

        Assert.Empty(run.DriverDiagnostics);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Contains(run.Result.GeneratedSources, s => s.HintName == "Acme.Telemetry.TelemetryEvent.JsonCodec.g.cs");
        var diagnostics = run.Output.GetDiagnostics();
        Assert.True(diagnostics.IsEmpty, Snapshot.DescribeDiagnostics(diagnostics));
    }

    [Fact]
    public void Codec_compiles_in_a_nullable_disabled_project()
    {
        CSharpCompilation compilation = TestCompilation.Create(CodecInputs.NullableOblivious);
        GeneratorRun run = GeneratorRun.For(compilation.WithOptions(compilation.Options.WithNullableContextOptions(NullableContextOptions.Disable)));

        Assert.Empty(run.GeneratorDiagnostics);
        var diagnostics = run.Output.GetDiagnostics();
        Assert.True(diagnostics.IsEmpty, Snapshot.DescribeDiagnostics(diagnostics));
    }

    [Fact]
    public void Codec_of_unsupported_members_still_compiles_and_leaves_them_out()
    {
        GeneratorRun run = GeneratorRun.For(CodecInputs.UnsupportedMembers);

        Assert.All(run.GeneratorDiagnostics, d => Assert.Equal("GB0018", d.Id));
        var diagnostics = run.Output.GetDiagnostics().Where(d => d.Id != "GB0018").ToArray();
        Assert.True(diagnostics.Length == 0, Snapshot.DescribeDiagnostics(diagnostics));
        string codec = run.Result.GeneratedSources.Single(s => s.HintName.EndsWith(".JsonCodec.g.cs", System.StringComparison.Ordinal)).SourceText.ToString();
        Assert.Contains("value.Ok", codec, System.StringComparison.Ordinal);
        Assert.DoesNotContain("value.Anything", codec, System.StringComparison.Ordinal);
    }
}
