namespace GeneratedBus.Generators.Model;

/// <summary>One [BusEvent] type, as everything the emitter needs to write its handler, kind and dispatch case.</summary>
/// <param name="Root">The root it belongs to.</param>
/// <param name="DisplayName">The name shown in diagnostics.</param>
/// <param name="TypeName">The <c>global::</c>-qualified, keyword-escaped name used in code.</param>
/// <param name="HandlerName">The handler: <c>OnJobStart</c>.</param>
/// <param name="KindName">The enum member, keyword-escaped: <c>JobStart</c>.</param>
/// <param name="IsSealed">Whether no type can derive from it, so its exact type identifies it (records structs are).</param>
/// <param name="IsValueType">Whether it is a record struct, which posting boxes.</param>
/// <param name="Depth">How many base classes it has: the fallback switch tests deeper types first.</param>
/// <param name="DocLines">The handler's XML doc lines, without the <c>///</c> prefix.</param>
/// <param name="FilePath">The declaring file: events are ordered by file path, then position.</param>
/// <param name="SuppressedWarnings">The warnings referring to the event raises ([Obsolete], [Experimental]).</param>
internal sealed record EventSpec(
    RootSpec Root,
    string DisplayName,
    string TypeName,
    string HandlerName,
    string KindName,
    bool IsSealed,
    bool IsValueType,
    int Depth,
    EquatableArray<string> DocLines,
    string FilePath,
    EquatableArray<string> SuppressedWarnings);
