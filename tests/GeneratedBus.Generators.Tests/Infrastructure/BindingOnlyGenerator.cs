using Microsoft.CodeAnalysis;

namespace GeneratedBus.Generators.Tests.Infrastructure;

/// <summary>
/// The least a [BusEvent] generator can do: Roslyn finds and binds the attributed types, the transform keeps their
/// names. What it costs on an edit is the floor every ForAttributeWithMetadataName generator pays, since Roslyn
/// re-runs the semantic transform on every compilation change. The benchmarks (GeneratorBenchmarks) use it too.
/// </summary>
public sealed class BindingOnlyGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValuesProvider<string> names = context.SyntaxProvider.ForAttributeWithMetadataName(
            BusGenerator.BusEventAttributeName,
            static (_, _) => true,
            static (syntax, _) => syntax.TargetSymbol.Name);
        context.RegisterSourceOutput(names.Collect(), static (_, _) => { });
    }
}
