namespace GeneratedBus.Generators.Model;

/// <summary>One <c>[assembly: GenerateBus(typeof(Root))]</c> of the compilation.</summary>
/// <param name="RootMetadataName">The named root's metadata name.</param>
/// <param name="DisplayName">The named root's display name.</param>
/// <param name="Location">The attribute, where its diagnostics point.</param>
internal sealed record BusRequest(string RootMetadataName, string DisplayName, DiagnosticLocation? Location);
