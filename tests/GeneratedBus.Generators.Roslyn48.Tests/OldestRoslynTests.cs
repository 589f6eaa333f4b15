using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using GeneratedBus.Generators;
using GeneratedBus.Generators.Tests.Inputs;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace GeneratedBus.Generators.Roslyn48.Tests;

/// <summary>
/// The generator packed under analyzers/dotnet/roslyn4.8/cs loads and runs on Roslyn 4.8 (the .NET 8 SDK, C# 12), writes
/// the same code as the main build does on the current Roslyn, and that code compiles there with no diagnostic.
/// </summary>
public class OldestRoslynTests
{
    private static readonly Version s_roslyn48 = new(4, 8, 0, 0);

    [Fact]
    public void This_suite_runs_the_roslyn48_build_of_the_generator_on_Roslyn_4_8()
    {
        AssemblyName roslyn = typeof(CSharpCompilation).Assembly.GetName();
        AssemblyName generatorsRoslyn = typeof(BusGenerator).Assembly.GetReferencedAssemblies().Single(a => a.Name == "Microsoft.CodeAnalysis");

        Assert.Equal(s_roslyn48, roslyn.Version);
        Assert.Equal(s_roslyn48, generatorsRoslyn.Version);
        Assert.Equal(LanguageVersion.CSharp12, LanguageVersion.Latest.MapSpecifiedToEffectiveVersion());
    }

    [Theory]
    [InlineData(nameof(SnapshotInputs.OneEvent), SnapshotInputs.OneEvent)]
    [InlineData(nameof(SnapshotInputs.Scheduler), SnapshotInputs.Scheduler)]
    [InlineData(nameof(SnapshotInputs.SparkScheduler), SnapshotInputs.SparkScheduler)]
    [InlineData(nameof(SnapshotInputs.TwoBuses), SnapshotInputs.TwoBuses)]
    [InlineData(nameof(SnapshotInputs.ClassEvents), SnapshotInputs.ClassEvents)]
    [InlineData(nameof(SnapshotInputs.ListenerInterests), SnapshotInputs.ListenerInterests)]
    public void The_generator_writes_the_verified_snapshots_and_they_compile_cleanly(string name, string source)
        => AssertMatchesSnapshotsAndCompiles("SnapshotTests." + name, source);

    [Fact]
    public void The_codec_generator_writes_the_verified_snapshot_and_it_compiles_cleanly()
        => AssertMatchesSnapshotsAndCompiles("CodecSnapshotTests.EveryShape", CodecInputs.EveryShape);

    [Fact]
    public void A_bus_generated_on_Roslyn_4_8_dispatches()
    {
        const string source = """
            using GeneratedBus;

            namespace Shop;

            public abstract record ShopEvent;
            [BusEvent] public sealed record OrderPlaced(int OrderId, long Amount) : ShopEvent;
            [BusEvent] public sealed record OrderShipped(int OrderId) : ShopEvent;

            public sealed class Totals : ShopListener
            {
                public long Amount;
                public int Shipped;
                public override void OnOrderPlaced(OrderPlaced e) => Amount += e.Amount;
                public override void OnOrderShipped(OrderShipped e) => Shipped++;
            }

            public static class Probe
            {
                public static string Run()
                {
                    var totals = new Totals();
                    using var bus = new ShopBus();
                    bus.AddToSharedQueue(totals);
                    bus.Start();
                    bus.Post(new OrderPlaced(1, 10));
                    bus.Post(new OrderPlaced(2, 5));
                    bus.Post(new OrderShipped(1));
                    bus.WaitUntilEmpty(System.TimeSpan.FromSeconds(30));
                    bus.Stop();
                    return $"amount={totals.Amount} shipped={totals.Shipped}";
                }
            }
            """;
        Compilation output = RunGenerator(source).Output;

        using var image = new MemoryStream();
        Microsoft.CodeAnalysis.Emit.EmitResult emitted = output.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        Assembly assembly = Assembly.Load(image.ToArray());
        object? result = assembly.GetType("Shop.Probe", throwOnError: true)!.GetMethod("Run")!.Invoke(null, null);

        Assert.Equal("amount=15 shipped=1", result);
    }

    [Fact]
    public void GenerateBus_over_a_referenced_library_works_on_Roslyn_4_8_and_an_unrelated_edit_does_not_rescan()
    {
        MetadataReference core = Library("Shop.Core", "namespace Shop.Orders; public abstract record OrderEvent;");
        MetadataReference payments = Library(
            "Shop.Payments",
            "namespace Shop.Payments; [GeneratedBus.BusEvent] public sealed record PaymentTaken(int OrderId) : Shop.Orders.OrderEvent;",
            core);
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.Diagnose);
        CSharpCompilation app = CSharpCompilation.Create(
            "App",
            [CSharpSyntaxTree.ParseText("[assembly: GeneratedBus.GenerateBus(typeof(Shop.Orders.OrderEvent))]", parseOptions, "Input0.cs")],
            References.Value.Add(core).Add(payments),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [new BusGenerator().AsSourceGenerator()],
            parseOptions: parseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

        driver = driver.RunGeneratorsAndUpdateCompilation(app, out Compilation output, out _);
        GeneratorRunResult first = driver.GetRunResult().Results.Single();
        driver = driver.RunGenerators(app.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Other; class Unrelated { }", parseOptions, "Input1.cs")));
        GeneratorRunResult second = driver.GetRunResult().Results.Single();

        Assert.Empty(first.Diagnostics);
        Assert.Contains(first.GeneratedSources, s => s.SourceText.ToString().Contains("OnPaymentTaken", StringComparison.Ordinal));
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Assert.All(second.TrackedSteps[TrackingNames.ScannedReferences].SelectMany(step => step.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    // A library without the generator: the app's scan reads its [BusEvent] types from metadata either way.
    private static MetadataReference Library(string name, string source, params MetadataReference[] references)
    {
        CSharpCompilation library = CSharpCompilation.Create(
            name, [CSharpSyntaxTree.ParseText(source)], References.Value.AddRange((IEnumerable<MetadataReference>)references), new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var image = new MemoryStream();
        Microsoft.CodeAnalysis.Emit.EmitResult emitted = library.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        return MetadataReference.CreateFromImage(image.ToArray());
    }

    private static void AssertMatchesSnapshotsAndCompiles(string snapshotPrefix, string source)
    {
        (GeneratorRunResult result, Compilation output) = RunGenerator(source);

        Assert.Empty(result.Diagnostics);
        Assert.Null(result.Exception);
        Assert.NotEmpty(result.GeneratedSources);
        foreach (GeneratedSourceResult generated in result.GeneratedSources)
        {
            string verified = Path.Combine(SnapshotsDirectory(), $"{snapshotPrefix}#{generated.HintName[..^3]}.verified.cs");
            Assert.True(File.Exists(verified), $"The main suite has no snapshot {verified}.");
            Assert.Equal(File.ReadAllText(verified), AsSnapshot(generated));
        }

        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    private static (GeneratorRunResult Result, Compilation Output) RunGenerator(string source)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.Diagnose);
        CSharpCompilation input = CSharpCompilation.Create(
            "Roslyn48Input",
            [CSharpSyntaxTree.ParseText(source, parseOptions, "Input0.cs")],
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, warningLevel: 9999)
                // The input is a test's, not documented; the generated code is checked for CS1591 like any other warning.
                .WithSpecificDiagnosticOptions([new("CS1591", ReportDiagnostic.Suppress)]));
        GeneratorDriver driver = CSharpGeneratorDriver.Create([new BusGenerator().AsSourceGenerator()], parseOptions: parseOptions)
            .RunGeneratorsAndUpdateCompilation(input, out Compilation output, out ImmutableArray<Diagnostic> driverDiagnostics);

        Assert.Empty(driverDiagnostics);
        return (driver.GetRunResult().Results.Single(), output);
    }

    /// <summary>The generated file as the main suite's Snapshot writes it: hint line, LF, version placeholder.</summary>
    private static string AsSnapshot(GeneratedSourceResult generated)
    {
        string version = typeof(BusGenerator).Assembly.GetName().Version!.ToString();
        return $"//HintName: {generated.HintName}\n{generated.SourceText}"
            .Replace("\r\n", "\n", StringComparison.Ordinal)
            .Replace($"\"GeneratedBus\", \"{version}\"", "\"GeneratedBus\", \"{GeneratorVersion}\"", StringComparison.Ordinal);
    }

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(path => path.Length > 0 && !Path.GetFileName(path).StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal))
            .Append(typeof(BusEventAttribute).Assembly.Location)
            .Distinct(StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray());

    // This file sits at tests/GeneratedBus.Generators.Roslyn48.Tests/.
    private static string SnapshotsDirectory([CallerFilePath] string thisFile = "")
        => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "GeneratedBus.Generators.Tests", "Snapshots"));
}
