namespace GeneratedBus.Generators.Model;

/// <summary>One <c>[assembly: GenerateBus(typeof(Root))]</c> of the compilation.</summary>
/// <param name="Root">The named root, described as seen from this compilation (its problems included).</param>
/// <param name="RootAssembly">The name of the assembly that declares the root.</param>
/// <param name="Location">The attribute, where its diagnostics, and those of the referenced events it covers, point.</param>
internal sealed record BusRequest(RootSpec Root, string RootAssembly, DiagnosticLocation? Location)
{
    /// <summary>The named root's metadata name.</summary>
    public string RootMetadataName => Root.MetadataName;

    /// <summary>The named root's display name.</summary>
    public string DisplayName => Root.DisplayName;
}
