namespace GeneratedBus.Generators.Model;

/// <summary>The codec to emit for one bus.</summary>
/// <param name="Root">The bus's root.</param>
/// <param name="Events">Its events in type-test order (deeper first), each with its codec model.</param>
/// <param name="ReadOrder">Each event's type name and the names the reader matches for it, in kind order, each name once.</param>
/// <param name="SuppressedWarnings">The warnings naming the root or events raises, as in the bus file.</param>
/// <param name="HintName">The generated file's name.</param>
internal sealed record CodecBusSpec(
    RootSpec Root,
    EquatableArray<CodecEventSpec> Events,
    EquatableArray<CodecReadName> ReadOrder,
    EquatableArray<string> SuppressedWarnings,
    string HintName);
