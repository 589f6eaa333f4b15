using System;
using System.Linq;
using System.Text.RegularExpressions;
using GeneratedBus.Generators.Tests.Infrastructure;
using GeneratedBus.Generators.Tests.Inputs;
using Microsoft.CodeAnalysis.CSharp;

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

    [Theory]
    [InlineData(nameof(SnapshotInputs.Scheduler))]
    [InlineData(nameof(SnapshotInputs.NonSealedHierarchy))]
    [InlineData(nameof(SnapshotInputs.GlobalNamespaceAndNestedRoot))]
    public void Generated_code_needs_no_newer_language_than_records_do(string input)
    {
        var csharp9 = TestCompilation.ParseOptions.WithLanguageVersion(LanguageVersion.CSharp9);
        GeneratorRun run = GeneratorRun.For(TestCompilation.Create(csharp9, WithBlockNamespace(SnapshotInputs.Named(input))));

        Assert.NotEmpty(run.Result.GeneratedSources);
        var diagnostics = run.Output.GetDiagnostics();
        Assert.True(diagnostics.IsEmpty, Snapshot.DescribeDiagnostics(diagnostics));
    }

    [Fact]
    public void Obsolete_and_experimental_events_stay_on_the_bus_without_warnings_in_generated_code()
    {
        GeneratorRun run = GeneratorRun.For("""
            using System;
            using System.Diagnostics.CodeAnalysis;
            using GeneratedBus;

            namespace Acme.Scheduling;

            public abstract record SchedulerEvent;
            [BusEvent, Obsolete] public sealed record OldStart(int JobId) : SchedulerEvent;
            [BusEvent, Obsolete("Use JobEnd.")] public sealed record OldEnd(int JobId) : SchedulerEvent;
            [BusEvent, Experimental("ACME001")] public sealed record Preview(int JobId) : SchedulerEvent;
            """);

        string generated = Assert.Single(run.Result.GeneratedSources).SourceText.ToString();
        Assert.Contains("#pragma warning disable ACME001, CS0612, CS0618 //", generated, StringComparison.Ordinal);
        Assert.Contains("void OnOldStart(", generated, StringComparison.Ordinal);
        Assert.Contains("void OnPreview(", generated, StringComparison.Ordinal);
        DiagnosticAssert.AssertGeneratedTreesCompile(run);
    }

    // C# 9 has no file-scoped namespaces: 'namespace X;' becomes 'namespace X { ... }'.
    private static string WithBlockNamespace(string source)
    {
        Match match = Regex.Match(source, @"^namespace ([\w.]+);$", RegexOptions.Multiline);
        return match.Success ? source.Replace(match.Value, $"namespace {match.Groups[1].Value} {{", StringComparison.Ordinal) + "\n}\n" : source;
    }
}
