using Microsoft.CodeAnalysis;

namespace GeneratedBus.Benchmarks.ColdBuild;

/// <summary>
/// The least a generator that knows the events' shapes can do: find the <c>[BusEvent]</c> records and read each one's
/// name, base type and property types, then write one constant. What it costs in a cold build is the compiler's own
/// binding of those records (its references, the declarations, the attributes, the members), which the compiler's
/// report charges to the first generator that asks; <c>BusGenerator</c> asks the same questions, so this is its floor.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class BindingFloorGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValueProvider<int> shapes = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                "GeneratedBus.BusEventAttribute",
                static (_, _) => true,
                static (found, _) => ShapeLength((INamedTypeSymbol)found.TargetSymbol))
            .Collect()
            .Select(static (lengths, _) => lengths.Length);

        context.RegisterSourceOutput(shapes, static (output, count) => output.AddSource(
            "BindingFloor.g.cs", "namespace BindingFloor { internal static class Events { public const int Count = " + count + "; } }"));
    }

    // A number that depends on every answer, so that none of the questions can be skipped.
    private static int ShapeLength(INamedTypeSymbol record)
    {
        int length = record.Name.Length + (record.BaseType?.Name.Length ?? 0);
        foreach (ISymbol member in record.GetMembers())
        {
            if (member is IPropertySymbol property)
            {
                length += property.Type.Name.Length;
            }
        }

        return length;
    }
}
