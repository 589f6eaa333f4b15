namespace GeneratedBus.Generators.Model;

/// <summary>The codec to emit for one bus.</summary>
/// <param name="Root">The bus's root.</param>
/// <param name="Events">Its events in type-test order (deeper first), each with its codec model.</param>
/// <param name="KindNames">The kind enum member of each of <paramref name="Events"/>, in the same order.</param>
/// <param name="WritesByKind">Whether the writer switches on the dispatcher's <c>KindOf</c> (a larger bus, whose kinds
/// come from a hash) rather than on the event's type, so writing the last event costs what the first does.</param>
/// <param name="ReadOrder">Each event's type name and the names the reader matches for it, in kind order, each name once.</param>
/// <param name="SuppressedWarnings">The warnings naming the root or events raises, as in the bus file.</param>
/// <param name="HintName">The generated file's name.</param>
internal sealed record CodecBusSpec(
    RootSpec Root,
    EquatableArray<CodecEventSpec> Events,
    EquatableArray<string> KindNames,
    bool WritesByKind,
    EquatableArray<CodecReadName> ReadOrder,
    EquatableArray<string> SuppressedWarnings,
    string HintName);
