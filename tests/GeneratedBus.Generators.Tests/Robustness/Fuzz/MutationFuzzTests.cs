using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using GeneratedBus.Generators.Tests.Infrastructure;
using Xunit.Abstractions;

namespace GeneratedBus.Generators.Tests.Robustness.Fuzz;

/// <summary>
/// Seeded mutation fuzzing of the generator: valid bus declarations, mutated token by token and cut off mid-typing, must
/// never make it throw or emit code that does not compile. See <see cref="FuzzSettings"/> for sizes, seeds and replay.
/// </summary>
[Trait("Category", "Fuzz")]
public class MutationFuzzTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_seed_is_a_valid_bus_declaration()
    {
        foreach (FuzzSeed seed in FuzzSeeds.All)
        {
            GeneratorRun run = GeneratorRun.For(seed.Files);

            Assert.Empty(run.GeneratorDiagnostics);
            Assert.NotEmpty(run.Result.GeneratedSources);
            var diagnostics = run.Output.GetDiagnostics();
            Assert.True(diagnostics.IsEmpty, seed.Name + "\n" + Snapshot.DescribeDiagnostics(diagnostics));
        }
    }

    [Fact]
    public void Mutated_and_half_typed_declarations_never_break_the_generator()
    {
        FuzzSettings settings = FuzzSettings.FromEnvironment();
        var oracle = new FuzzOracle();
        var failures = new List<string>();
        var clock = Stopwatch.StartNew();
        for (int index = settings.FirstCase; index < settings.FirstCase + settings.Cases; index++)
        {
            FuzzCase fuzzCase = FuzzCase.Create(settings.Seed, index);
            if (oracle.Check(fuzzCase) is { } failure)
            {
                failures.Add($"{failure}\n\nreplay: {settings.ReplayCommand(index)}\n{fuzzCase.Describe()}");
            }
        }

        // Reported, never asserted: speed is not this test's business.
        output.WriteLine($"seed {settings.Seed}, cases {settings.FirstCase}..{settings.FirstCase + settings.Cases - 1}: "
            + $"{oracle.CasesWithSources} generated sources, {oracle.CasesWithGeneratorDiagnostics} reported GB diagnostics, "
            + $"{oracle.CasesExcusedAsEchoes} excused as echoes of input errors; {failures.Count} failed; {clock.Elapsed.TotalSeconds:F1} s");
        foreach (string echo in oracle.ExcusedEchoes.Take(10))
        {
            output.WriteLine("excused as an echo of an input error: " + echo);
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {settings.Cases} cases failed (seed {settings.Seed}); the first:\n{failures.FirstOrDefault()}");

        // Echoes are rare (none at the default seed): many would mean the rule hides real errors in generated code.
        int maxEchoes = Math.Max(1, settings.Cases / 100);
        Assert.True(oracle.CasesExcusedAsEchoes <= maxEchoes, $"{oracle.CasesExcusedAsEchoes} cases excused as echoes of input errors, more than {maxEchoes}:\n{string.Join("\n", oracle.ExcusedEchoes.Take(10))}");
        // A run in which hardly any case reaches the compile check would prove little.
        Assert.True(settings.Cases < 100 || oracle.CasesWithSources > settings.Cases / 4, $"only {oracle.CasesWithSources} of {settings.Cases} cases generated code");
    }
}
