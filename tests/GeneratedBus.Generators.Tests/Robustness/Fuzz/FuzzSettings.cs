using System;
using System.Globalization;

namespace GeneratedBus.Generators.Tests.Robustness.Fuzz;

/// <summary>
/// How much to fuzz and from which seed. CI runs <see cref="ShortCases"/> cases from <see cref="DefaultSeed"/>, so a
/// failure there reproduces on any machine. Environment variables widen or pin the run:
/// <c>GENERATEDBUS_STRESS=long</c> runs <see cref="LongCases"/>; <c>GENERATEDBUS_FUZZ_CASES=n</c> runs n;
/// <c>GENERATEDBUS_FUZZ_SEED=s</c> starts from another seed; <c>GENERATEDBUS_FUZZ_CASE=i</c> runs only case i.
/// </summary>
public sealed record FuzzSettings(int Seed, int FirstCase, int Cases)
{
    /// <summary>The seed CI uses.</summary>
    public const int DefaultSeed = 20_06_2025;

    /// <summary>Cases per CI run.</summary>
    public const int ShortCases = 1_000;

    /// <summary>Cases with <c>GENERATEDBUS_STRESS=long</c>.</summary>
    public const int LongCases = 25_000;

    /// <summary>The settings the environment asks for.</summary>
    public static FuzzSettings FromEnvironment()
    {
        bool isLong = string.Equals(Environment.GetEnvironmentVariable("GENERATEDBUS_STRESS"), "long", StringComparison.OrdinalIgnoreCase);
        int seed = Read("GENERATEDBUS_FUZZ_SEED") ?? DefaultSeed;
        int cases = Read("GENERATEDBUS_FUZZ_CASES") ?? (isLong ? LongCases : ShortCases);
        return Read("GENERATEDBUS_FUZZ_CASE") is { } only ? new FuzzSettings(seed, only, 1) : new FuzzSettings(seed, 0, cases);
    }

    /// <summary>The command line that replays case <paramref name="index"/> alone.</summary>
    public string ReplayCommand(int index)
        => $"GENERATEDBUS_FUZZ_SEED={Seed} GENERATEDBUS_FUZZ_CASE={index} dotnet test tests/GeneratedBus.Generators.Tests -c Release --filter Category=Fuzz";

    private static int? Read(string name)
        => int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) ? value : null;
}
