using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using GeneratedBus.Generators.Tests.Infrastructure;
using GeneratedBus.Generators.Tests.Inputs;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace GeneratedBus.Generators.Tests.CompileClean;

/// <summary>
/// The generated code passes the trim, AOT and single-file analyzers that <c>IsAotCompatible</c> turns on: the same
/// ILLink analyzer assembly the SDK runs, with the same switches.
/// </summary>
public class AotAnalyzerTests
{
    private static readonly Lazy<ImmutableArray<DiagnosticAnalyzer>> s_analyzers = new(LoadAnalyzers);

    [Theory]
    [MemberData(nameof(SnapshotInputs.All), MemberType = typeof(SnapshotInputs))]
    public async Task Generated_code_raises_no_trim_or_AOT_warning(string input)
    {
        GeneratorRun run = GeneratorRun.For(SnapshotInputs.Named(input));
        Assert.NotEmpty(run.Result.GeneratedSources);

        ImmutableArray<Diagnostic> diagnostics = await AnalyzeAsync(run.Output);

        Assert.True(diagnostics.IsEmpty, Snapshot.DescribeDiagnostics(diagnostics));
    }

    [Fact]
    public async Task Generated_codec_for_every_member_shape_raises_no_trim_or_AOT_warning()
    {
        GeneratorRun run = GeneratorRun.For(CodecInputs.EveryShape);
        Assert.Contains(run.Result.GeneratedSources, s => s.HintName.EndsWith(".JsonCodec.g.cs", StringComparison.Ordinal));

        ImmutableArray<Diagnostic> diagnostics = await AnalyzeAsync(run.Output);

        Assert.True(diagnostics.IsEmpty, Snapshot.DescribeDiagnostics(diagnostics));
    }

    [Fact]
    public async Task The_analyzers_are_switched_on()
    {
        // A control: reflection over an unknown type is what these analyzers exist to flag (IL2057).
        Compilation compilation = TestCompilation.Create("""
            public static class Reflective
            {
                public static object? Load(string name) => System.Type.GetType(name);
            }
            """);

        ImmutableArray<Diagnostic> diagnostics = await AnalyzeAsync(compilation);

        Assert.Contains(diagnostics, d => d.Id == "IL2057");
    }

    private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Compilation compilation)
    {
        var options = new AnalyzerOptions([], new AotSwitches());
        ImmutableArray<Diagnostic> diagnostics = await compilation.WithAnalyzers(s_analyzers.Value, options).GetAnalyzerDiagnosticsAsync();
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        return diagnostics;
    }

    private static ImmutableArray<DiagnosticAnalyzer> LoadAnalyzers()
    {
        string root = typeof(AotAnalyzerTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "NuGetPackageRoot").Value!;
        string packages = Path.Combine(root, "microsoft.net.illink.tasks");
        // The runtime project is IsAotCompatible for this framework, so its restore brings this version of the pack.
        string? path = Directory.Exists(packages)
            ? Directory.EnumerateDirectories(packages)
                .Where(d => Version.TryParse(Path.GetFileName(d), out Version? v) && v.Major == Environment.Version.Major)
                .OrderByDescending(d => Version.Parse(Path.GetFileName(d)))
                .Select(d => Path.Combine(d, "analyzers", "dotnet", "cs", "ILLink.RoslynAnalyzer.dll"))
                .FirstOrDefault(File.Exists)
            : null;
        Assert.True(path is not null, $"No ILLink.RoslynAnalyzer.dll for .NET {Environment.Version.Major} under {packages}.");

        var reference = new AnalyzerFileReference(path, new PathLoader());
        ImmutableArray<DiagnosticAnalyzer> analyzers = reference.GetAnalyzers(LanguageNames.CSharp);
        Assert.NotEmpty(analyzers);
        return analyzers;
    }

    // What the SDK passes to analyzers for IsAotCompatible=true.
    private sealed class AotSwitches : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Switches(new Dictionary<string, string>
        {
            ["build_property.EnableTrimAnalyzer"] = "true",
            ["build_property.EnableAotAnalyzer"] = "true",
            ["build_property.EnableSingleFileAnalyzer"] = "true",
            ["build_property.IsAotCompatible"] = "true",
        });

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Switches.None;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Switches.None;
    }

    private sealed class Switches(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public static readonly Switches None = new([]);

        public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
    }

    private sealed class PathLoader : IAnalyzerAssemblyLoader
    {
        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath) => Assembly.LoadFrom(fullPath);
    }
}
