namespace GeneratedBus.Generators;

/// <summary>The names of the pipeline steps, so tests can check what was cached.</summary>
public static class TrackingNames
{
    /// <summary>Each [BusEvent] declaration parsed into a model or a diagnostic, its doc still raw XML. The only tracked step an unrelated edit re-runs (the untracked one that puts diagnostics in their syntax trees re-runs too, cheaply).</summary>
    public const string ParsedEvents = nameof(ParsedEvents);

    /// <summary>Each parsed declaration with its handler doc rendered.</summary>
    public const string Events = nameof(Events);

    /// <summary>The models of the events that are not left out.</summary>
    public const string EventSpecs = nameof(EventSpecs);

    /// <summary>Every event model of the compilation, together.</summary>
    public const string AllEventSpecs = nameof(AllEventSpecs);

    /// <summary>Each listener class that overrides handlers of a generated no-op base; recorded only where such a class exists.</summary>
    public const string Listeners = nameof(Listeners);

    /// <summary>One model per bus to emit.</summary>
    public const string Buses = nameof(Buses);

    /// <summary>Each handler override whose event type lacks [BusEvent] (GB0017 when its root has a bus); recorded only where such an override exists.</summary>
    public const string UnmarkedHandledTypes = nameof(UnmarkedHandledTypes);

    /// <summary>The diagnostics to report, located by file path and span; they meet their syntax trees only when reported.</summary>
    public const string Diagnostics = nameof(Diagnostics);

    /// <summary>Whether the compilation references GeneratedBus.Hosting; fed by the references alone, so source edits leave it cached.</summary>
    public const string HostingReferenced = nameof(HostingReferenced);

    /// <summary>One hosting model per bus, when GeneratedBus.Hosting is referenced.</summary>
    public const string HostingBuses = nameof(HostingBuses);

    /// <summary>The GB0015 diagnostics: async void overrides of generated sync handlers, matched against the buses.</summary>
    public const string AsyncVoidDiagnostics = nameof(AsyncVoidDiagnostics);

    /// <summary>Each event's JSON codec model, without locations.</summary>
    public const string CodecEvents = nameof(CodecEvents);

    /// <summary>One JSON codec model per bus.</summary>
    public const string Codecs = nameof(Codecs);

    /// <summary>Every <c>[assembly: GenerateBus]</c> of the compilation, found by syntax, with its root's model and location.</summary>
    public const string GenerateBusRequests = nameof(GenerateBusRequests);

    /// <summary>The roots the requests name, by name alone: the only input from source to the reference scan.</summary>
    public const string RequestedRoots = nameof(RequestedRoots);

    /// <summary>The walk over the referenced assemblies for events of the requested roots; re-runs only when the references or the requested roots change.</summary>
    public const string ScannedReferences = nameof(ScannedReferences);

    /// <summary>The GenerateBus requests and the referenced events they cover, joined: the scan's events with the requests' root models and locations.</summary>
    public const string ReferencedEvents = nameof(ReferencedEvents);
}
