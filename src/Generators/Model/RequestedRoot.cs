namespace GeneratedBus.Generators.Model;

/// <summary>What the reference scan needs of a request: which root, by name alone, so moving the attribute changes nothing.</summary>
/// <param name="MetadataName">The root's metadata name.</param>
/// <param name="Assembly">The name of the assembly that declares it.</param>
internal sealed record RequestedRoot(string MetadataName, string Assembly);
