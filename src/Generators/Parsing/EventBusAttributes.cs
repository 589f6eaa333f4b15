using Microsoft.CodeAnalysis;

namespace GeneratedBus.Generators.Parsing;

/// <summary>Reads <c>[GeneratedBus.EventBus]</c> off a type without binding anything new.</summary>
internal static class EventBusAttributes
{
    /// <summary>Whether <paramref name="type"/> carries [EventBus].</summary>
    public static bool IsMarked(INamedTypeSymbol type) => Find(type) is not null;

    /// <summary>The name given by <c>[EventBus("Name")]</c>, or <see langword="null"/> when none is given.</summary>
    public static string? NameOf(INamedTypeSymbol type)
    {
        AttributeData? attribute = Find(type);
        if (attribute is null || attribute.ConstructorArguments.Length != 1)
        {
            return null;
        }

        TypedConstant argument = attribute.ConstructorArguments[0];
        return argument.Kind == TypedConstantKind.Primitive ? argument.Value as string : null;
    }

    private static AttributeData? Find(INamedTypeSymbol type)
    {
        foreach (AttributeData attribute in type.GetAttributes())
        {
            if (attribute.AttributeClass is
                {
                    Name: "EventBusAttribute",
                    ContainingNamespace: { Name: "GeneratedBus", ContainingNamespace.IsGlobalNamespace: true },
                })
            {
                return attribute;
            }
        }

        return null;
    }
}
