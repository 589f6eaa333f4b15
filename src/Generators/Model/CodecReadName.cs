namespace GeneratedBus.Generators.Model;

/// <summary>The names the codec reads as one event: those no earlier event of its bus claimed.</summary>
/// <param name="TypeName">The event's <c>global::</c> name.</param>
/// <param name="Names">Its [BusEvent] name and aliases, less any taken.</param>
internal sealed record CodecReadName(string TypeName, EquatableArray<string> Names);
