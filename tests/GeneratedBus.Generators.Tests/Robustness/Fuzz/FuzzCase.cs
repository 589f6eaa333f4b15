using System;
using System.Collections.Generic;
using System.Linq;

namespace GeneratedBus.Generators.Tests.Robustness.Fuzz;

/// <summary>One mutated input: which seed, which of its files was mutated and how, and the files as compiled.</summary>
/// <param name="Index">The case's number within the run.</param>
/// <param name="Seed">The valid declaration it came from.</param>
/// <param name="MutatedFile">The index of the mutated file.</param>
/// <param name="Mutations">What was done to it.</param>
/// <param name="Files">The files, <see cref="MutatedFile"/> mutated and the rest as in the seed.</param>
public sealed record FuzzCase(int Index, FuzzSeed Seed, int MutatedFile, IReadOnlyList<string> Mutations, string[] Files)
{
    /// <summary>Case <paramref name="index"/> of the run seeded with <paramref name="seed"/>: the same every time.</summary>
    public static FuzzCase Create(int seed, int index)
    {
        // System.Random with an explicit seed yields the same sequence on every runtime and platform.
        var random = new Random(unchecked((seed * 1_000_003) + index));
        FuzzSeed origin = FuzzSeeds.All[random.Next(FuzzSeeds.All.Count)];
        int file = random.Next(origin.Files.Length);
        var mutator = new TokenMutator(random);
        string[] files = origin.Files.ToArray();
        files[file] = mutator.Mutate(files[file]);
        return new FuzzCase(index, origin, file, mutator.Log, files);
    }

    /// <summary>Everything needed to see what the case was.</summary>
    public string Describe()
        => $"case {Index} from seed \"{Seed.Name}\", file Input{MutatedFile}.cs: {string.Join("; ", Mutations)}\n"
            + string.Join("\n", Files.Select((text, i) => $"--- Input{i}.cs\n{text}"));
}
