namespace GeneratedBus.Generators.Model;

/// <summary>A bus to emit: its root and its events in kind order (kind i + 1 for index i).</summary>
/// <param name="Root">The root.</param>
/// <param name="Events">The events, each with a distinct handler name.</param>
internal sealed record BusSpec(RootSpec Root, EquatableArray<EventSpec> Events)
{
    /// <summary>The hint name: the root's metadata name made file-safe, plus <c>.Bus.g.cs</c>.</summary>
    public string HintName => HintNames.For(Root.MetadataName);
}
