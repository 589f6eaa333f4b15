using System.Collections.Generic;

namespace GeneratedBus.Generators.Tests.Robustness.Corpus;

/// <summary>A diagnostic a corpus case must get: its ID and the type its message names (in quotes).</summary>
/// <param name="Id">The GB diagnostic ID.</param>
/// <param name="TypeName">The type as the message shows it.</param>
public sealed record ExpectedDiagnostic(string Id, string TypeName);

/// <summary>
/// One odd-but-legal shape of input and what it must yield: code that compiles with no diagnostic at all (no
/// <see cref="Diagnostics"/>), or exactly the listed GB diagnostics with the rest still compiling. When
/// <see cref="ProbeResult"/> is set, the files hold a <c>Probe</c> class (in <see cref="ProbeType"/>) whose static
/// <c>Run()</c> drives the generated dispatcher and must return that string.
/// </summary>
/// <param name="Name">The shape, as the test shows it.</param>
/// <param name="Files">The input files, <c>Input0.cs</c> onwards.</param>
/// <param name="Diagnostics">The GB diagnostics it must report, in order; empty for clean code.</param>
/// <param name="ProbeType">The probe's full type name.</param>
/// <param name="ProbeResult">What the probe returns, or <see langword="null"/> to run nothing.</param>
public sealed record CorpusCase(
    string Name,
    string[] Files,
    IReadOnlyList<ExpectedDiagnostic> Diagnostics,
    string ProbeType = "Acme.Probe",
    string? ProbeResult = null)
{
    /// <summary>A case that must generate clean code whose probe returns <paramref name="probeResult"/>.</summary>
    public static CorpusCase Clean(string name, string probeResult, params string[] files) => new(name, files, [], ProbeResult: probeResult);

    /// <summary>A case that must report exactly <paramref name="diagnostic"/>.</summary>
    public static CorpusCase Reports(string name, ExpectedDiagnostic diagnostic, params string[] files) => new(name, files, [diagnostic]);
}
