namespace GeneratedBus.Generators.Model;

/// <summary>What the codec needs of one event: its names, and the shapes of it and every type nested in it.</summary>
/// <param name="TypeName">The event's <c>global::</c> name.</param>
/// <param name="WrittenName">The <c>"Event"</c> value written: [BusEvent(name)] or the simple name.</param>
/// <param name="Aliases">Further names the reader accepts.</param>
/// <param name="CanRead">Whether the codec can construct it; else reading it is malformed (and diagnosed).</param>
/// <param name="Shapes">The event's own shape first, then the nested ones it reaches.</param>
/// <param name="SuppressedWarnings">The warnings naming its members or nested types raises ([Obsolete], [Experimental]).</param>
internal sealed record CodecEventSpec(
    string TypeName,
    string WrittenName,
    EquatableArray<string> Aliases,
    bool CanRead,
    EquatableArray<CodecShape> Shapes,
    EquatableArray<string> SuppressedWarnings);
