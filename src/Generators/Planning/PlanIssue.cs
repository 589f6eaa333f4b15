using Microsoft.CodeAnalysis;

namespace GeneratedBus.Generators.Planning;

/// <summary>A problem found while assembling buses, located later by the diagnostics pipeline.</summary>
/// <param name="Descriptor">What went wrong.</param>
/// <param name="RootMetadataName">The bus's root.</param>
/// <param name="EventTypeName">The event it is about, or <see langword="null"/> when it is about the root.</param>
/// <param name="Args">The message's format arguments.</param>
internal sealed record PlanIssue(DiagnosticDescriptor Descriptor, string RootMetadataName, string? EventTypeName, string[] Args);
