namespace GeneratedBus.Generators.Model;

/// <summary>What the semantic parse of one [BusEvent] declaration yields: the result, its handler doc still raw XML.</summary>
/// <remarks>
/// The semantic parse re-runs on every compilation change, for every event. Turning the doc into handler lines parses
/// XML, the bulk of that work, so it is left to the next step, which Roslyn skips while this value stays equal.
/// </remarks>
/// <param name="Result">The result; its event's <see cref="EventSpec.DocLines"/> are empty until the doc is rendered.</param>
/// <param name="DocXml">The event's documentation comment as the compiler gives it, or <see langword="null"/> without an event.</param>
internal sealed record ParsedEvent(EventResult Result, string? DocXml);
