using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace GeneratedBus.Generators.Tests.Infrastructure;

/// <summary>One run of <see cref="BusGenerator"/> over a compilation, with everything a test asserts on.</summary>
/// <param name="Driver">The driver after the run: run it again to test caching.</param>
/// <param name="Input">The compilation the generator saw.</param>
/// <param name="Output">The compilation with the generated trees added.</param>
/// <param name="DriverDiagnostics">Diagnostics from running the generator (CS8785 when it throws).</param>
public sealed record GeneratorRun(
    GeneratorDriver Driver,
    Compilation Input,
    Compilation Output,
    ImmutableArray<Diagnostic> DriverDiagnostics)
{
    /// <summary>The run's result for the one generator.</summary>
    public GeneratorRunResult Result => Driver.GetRunResult().Results.Single();

    /// <summary>The generated files other than the JSON codecs, which every bus also gets.</summary>
    public IEnumerable<GeneratedSourceResult> BusSources => Result.GeneratedSources.Where(s => !s.HintName.EndsWith(".JsonCodec.g.cs", System.StringComparison.Ordinal));

    /// <summary>The diagnostics the generator reported.</summary>
    public ImmutableArray<Diagnostic> GeneratorDiagnostics => Result.Diagnostics;

    /// <summary>Runs the generator over <paramref name="sources"/>.</summary>
    public static GeneratorRun For(params string[] sources) => For(TestCompilation.Create(sources));

    /// <summary>Runs a fresh driver over <paramref name="compilation"/>.</summary>
    /// <param name="compilation">The input.</param>
    /// <param name="trackSteps">Whether to record each step's outputs, which caching tests read; the fuzzer saves the cost.</param>
    /// <param name="generator">The generator; a default <see cref="BusGenerator"/> when <see langword="null"/>.</param>
    public static GeneratorRun For(Compilation compilation, bool trackSteps = true, BusGenerator? generator = null)
    {
        // Generated trees are parsed like the inputs, so a language-version test covers the output too.
        var parseOptions = compilation.SyntaxTrees.FirstOrDefault()?.Options as CSharpParseOptions ?? TestCompilation.ParseOptions;
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [(generator ?? new BusGenerator()).AsSourceGenerator()],
            parseOptions: parseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));
        return Continue(driver, compilation);
    }

    /// <summary>Runs this run's driver again over <paramref name="compilation"/>, reusing its cache.</summary>
    public GeneratorRun Rerun(Compilation compilation) => Continue(Driver, compilation);

    private static GeneratorRun Continue(GeneratorDriver driver, Compilation compilation)
    {
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> diagnostics);
        return new GeneratorRun(driver, compilation, output, diagnostics);
    }
}
