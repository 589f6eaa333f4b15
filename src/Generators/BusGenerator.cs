using Microsoft.CodeAnalysis;

namespace GeneratedBus.Generators;

/// <summary>Writes the listener interface, no-op base, firehose base, dispatcher and typed bus for [BusEvent] records.</summary>
[Generator(LanguageNames.CSharp)]
public sealed class BusGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
    }
}
