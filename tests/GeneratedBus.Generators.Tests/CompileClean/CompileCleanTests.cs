using System;
using System.Linq;
using System.Text.RegularExpressions;
using GeneratedBus.Generators.Tests.Infrastructure;
using GeneratedBus.Generators.Tests.Inputs;
using Microsoft.CodeAnalysis;
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
    [InlineData(nameof(SnapshotInputs.KindMapHierarchy))]
    [InlineData(nameof(SnapshotInputs.GlobalNamespaceAndNestedRoot))]
    public void Generated_code_needs_no_newer_language_than_records_do(string input)
    {
        var csharp9 = TestCompilation.ParseOptions.WithLanguageVersion(LanguageVersion.CSharp9);
        GeneratorRun run = GeneratorRun.For(TestCompilation.Create(csharp9, WithBlockNamespace(SnapshotInputs.Named(input))));

        Assert.NotEmpty(run.Result.GeneratedSources);
        var diagnostics = run.Output.GetDiagnostics();
        Assert.True(diagnostics.IsEmpty, Snapshot.DescribeDiagnostics(diagnostics));
    }

    /// <summary>Every input under C# 10, and under C# 9 all but the record structs it cannot declare.</summary>
    public static TheoryData<string, LanguageVersion> OlderLanguages()
    {
        var data = new TheoryData<string, LanguageVersion>();
        foreach (string input in SnapshotInputs.All.Cast<object[]>().Select(row => (string)row[0]))
        {
            if (input != nameof(SnapshotInputs.RecordStructInterfaceRoot))
            {
                data.Add(input, LanguageVersion.CSharp9);
            }

            data.Add(input, LanguageVersion.CSharp10);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(OlderLanguages))]
    public void Generated_code_compiles_under_older_languages_with_nullable_disabled_project_wide(string input, LanguageVersion languageVersion)
    {
        var options = TestCompilation.ParseOptions.WithLanguageVersion(languageVersion);
        CSharpCompilation compilation = TestCompilation.Create(options, WithBlockNamespace(SnapshotInputs.Named(input)));
        GeneratorRun run = GeneratorRun.For(compilation.WithOptions(compilation.Options.WithNullableContextOptions(NullableContextOptions.Disable)));

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.NotEmpty(run.Result.GeneratedSources);
        // Only the generated files: some inputs use '?' annotations, which a nullable-disabled project rejects (CS8632).
        DiagnosticAssert.AssertGeneratedTreesCompile(run);
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

        string generated = Assert.Single(run.BusSources).SourceText.ToString();
        Assert.Contains("#pragma warning disable ACME001, CS0612, CS0618 //", generated, StringComparison.Ordinal);
        Assert.Contains("void OnOldStart(", generated, StringComparison.Ordinal);
        Assert.Contains("void OnPreview(", generated, StringComparison.Ordinal);
        DiagnosticAssert.AssertGeneratedTreesCompile(run);
    }

    [Theory]
    [InlineData("assembly")]
    [InlineData("module")]
    public void Root_from_an_experimental_library_needs_no_suppression_in_generated_code(string target)
    {
        CSharpCompilation library = TestCompilation.Create($$"""
            [{{target}}: System.Diagnostics.CodeAnalysis.Experimental("LIB001")]
            namespace Acme.Library;
            public abstract record SchedulerEvent;
            """).WithAssemblyName("Library");
        using var image = new System.IO.MemoryStream();
        Assert.True(library.Emit(image).Success);

        GeneratorRun run = GeneratorRun.For(TestCompilation.Create("""
            #pragma warning disable LIB001 // the user's own uses of the experimental library
            using GeneratedBus;
            [assembly: GenerateBus(typeof(Acme.Library.SchedulerEvent))]
            namespace Acme.App;
            [BusEvent] public sealed record JobStart(int JobId) : Acme.Library.SchedulerEvent;
            """).AddReferences(MetadataReference.CreateFromImage(image.ToArray())));

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.NotEmpty(run.Result.GeneratedSources);
        var diagnostics = run.Output.GetDiagnostics();
        Assert.True(diagnostics.IsEmpty, Snapshot.DescribeDiagnostics(diagnostics));
    }

    // C# 9 has no file-scoped namespaces: 'namespace X;' becomes 'namespace X { ... }'.
    private static string WithBlockNamespace(string source)
    {
        Match match = Regex.Match(source, @"^namespace ([\w.@]+);$", RegexOptions.Multiline);
        return match.Success ? source.Replace(match.Value, $"namespace {match.Groups[1].Value} {{", StringComparison.Ordinal) + "\n}\n" : source;
    }
}
