namespace GeneratedBus.Generators.Model;

/// <summary>What the parser made of one [BusEvent] declaration.</summary>
/// <param name="Event">The event, or <see langword="null"/> when it is left out.</param>
/// <param name="Diagnostic">Why it is left out, if the user should be told.</param>
/// <param name="Location">The event's name, where planner diagnostics about the event point.</param>
/// <param name="RootLocation">The root's name (or the event's, for roots from metadata), for diagnostics about the root.</param>
/// <param name="Codec">The event's JSON codec model, when there is an event.</param>
/// <param name="CodecDiagnostics">What the codec cannot handle in the event's members.</param>
internal sealed record EventResult(EventSpec? Event, DiagnosticInfo? Diagnostic, DiagnosticLocation? Location, DiagnosticLocation? RootLocation,
    CodecEventSpec? Codec = null,
    EquatableArray<DiagnosticInfo> CodecDiagnostics = default)
{
    /// <summary>
    /// For an event without a root (GB0004), its own metadata name: the collector reports GB0016 instead when another
    /// event has it as its root, since then the attribute sits on a root.
    /// </summary>
    public string? RootlessMetadataName { get; init; }
}

