namespace GeneratedBus.Generators;

/// <summary>The names of the pipeline steps, so tests can check what was cached.</summary>
public static class TrackingNames
{
    /// <summary>Each [BusEvent] declaration parsed into a model or a diagnostic.</summary>
    public const string Events = nameof(Events);

    /// <summary>The models of the events that are not left out.</summary>
    public const string EventSpecs = nameof(EventSpecs);

    /// <summary>Every event model of the compilation, together.</summary>
    public const string AllEventSpecs = nameof(AllEventSpecs);

    /// <summary>One model per bus to emit.</summary>
    public const string Buses = nameof(Buses);

    /// <summary>The diagnostics to report, located.</summary>
    public const string Diagnostics = nameof(Diagnostics);
}
