namespace GeneratedBus.Generators.Model;

/// <summary>A bus's hosting file to emit: its root and events, the stem of its two extension classes' names, and its hint name.</summary>
/// <param name="Root">The bus's root.</param>
/// <param name="Events">The bus's events: the scoped async listener's stand-in implements a handler for each.</param>
/// <param name="ClassStem">
/// <c>SchedulerBus</c>, made unique when two buses of the compilation share a bus name: the classes all live in
/// <c>Microsoft.Extensions.DependencyInjection</c>, so their names must not clash.
/// </param>
/// <param name="HintName">The file's name, next to the bus's own: <c>Acme.Scheduling.SchedulerEvent.Hosting.g.cs</c>.</param>
internal sealed record HostingSpec(RootSpec Root, EquatableArray<EventSpec> Events, string ClassStem, string HintName);
