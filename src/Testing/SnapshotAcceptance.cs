using System;

namespace GeneratedBus.Testing;

/// <summary>
/// Whether a run accepts new output as verified: only when <c>GENERATEDBUS_ACCEPT=1</c> is set, and never under
/// <c>CI=true</c>, so a CI run cannot turn a regression into a new snapshot.
/// </summary>
internal static class SnapshotAcceptance
{
    /// <summary>The environment variable that opts in.</summary>
    public const string Variable = "GENERATEDBUS_ACCEPT";

    /// <summary>The decision for the environment <paramref name="read"/> gives.</summary>
    public static bool Accepts(Func<string, string?> read) =>
        read(Variable) == "1" && !string.Equals(read("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The decision for this process's environment.</summary>
    public static bool FromEnvironment() => Accepts(Environment.GetEnvironmentVariable);
}
