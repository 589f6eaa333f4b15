namespace GeneratedBus.Generators.Model;

/// <summary>
/// A [BusEvent] type of a referenced assembly whose root is requested, as the reference scan found it: everything that
/// depends on the references alone. What depends on this compilation's source (the root's model, the locations) is
/// joined in afterwards from the request, so that source edits never re-run the scan.
/// </summary>
/// <param name="Root">The requested root it belongs to.</param>
/// <param name="Assembly">The name of the assembly that declares the event.</param>
/// <param name="Event">The event's model; its <see cref="EventSpec.Root"/> is a stand-in until joined with the request.</param>
/// <param name="IsAccessible">Whether this compilation can name it (public and not generic); else GB0003.</param>
/// <param name="Codec">Its codec model; <see langword="null"/> for an abstract event or one that cannot be named.</param>
/// <param name="CodecDiagnostics">What the codec cannot handle in it (GB0018, GB0019), without locations.</param>
internal sealed record ScannedEvent(
    RequestedRoot Root,
    string Assembly,
    EventSpec Event,
    bool IsAccessible,
    CodecEventSpec? Codec,
    EquatableArray<DiagnosticInfo> CodecDiagnostics);
