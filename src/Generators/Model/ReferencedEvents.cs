namespace GeneratedBus.Generators.Model;

/// <summary>The GenerateBus requests of a compilation and the [BusEvent] types of its references they cover.</summary>
/// <param name="Requests">Every <c>[assembly: GenerateBus]</c>, in source order.</param>
/// <param name="Events">The referenced events of the requested roots, ordered by assembly name then metadata name.</param>
/// <param name="Codecs">Their codec models, where they have one.</param>
/// <param name="Diagnostics">Problems with the requests or the referenced events, located at the request.</param>
internal sealed record ReferencedEvents(
    EquatableArray<BusRequest> Requests,
    EquatableArray<EventSpec> Events,
    EquatableArray<CodecEventSpec> Codecs,
    EquatableArray<DiagnosticInfo> Diagnostics)
{
    /// <summary>No requests, so nothing scanned.</summary>
    public static ReferencedEvents None { get; } = new(default, default, default, default);

    /// <summary>Whether <paramref name="rootMetadataName"/> is requested.</summary>
    public bool IsRequested(string rootMetadataName)
    {
        foreach (BusRequest request in Requests)
        {
            if (request.RootMetadataName == rootMetadataName)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Where the first request of <paramref name="rootMetadataName"/> is, for the diagnostics about its referenced events.</summary>
    public DiagnosticLocation? LocationOf(string rootMetadataName)
    {
        foreach (BusRequest request in Requests)
        {
            if (request.RootMetadataName == rootMetadataName)
            {
                return request.Location;
            }
        }

        return null;
    }
}
