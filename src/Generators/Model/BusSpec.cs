namespace GeneratedBus.Generators.Model;

/// <summary>A bus to emit: its root, its events in kind order (kind i + 1 for index i) and its file's hint name.</summary>
/// <param name="Root">The root.</param>
/// <param name="Events">The events, each with a distinct handler name.</param>
/// <param name="HintName">The generated file's name, unique even where hint names are compared ignoring case.</param>
/// <param name="Listeners">The listener classes of this compilation that derive from the bus's no-op base, in ordinal order of name.</param>
internal sealed record BusSpec(RootSpec Root, EquatableArray<EventSpec> Events, string HintName, EquatableArray<ListenerSpec> Listeners);
