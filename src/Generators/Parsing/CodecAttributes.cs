using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace GeneratedBus.Generators.Parsing;

/// <summary>
/// Reads the attributes the codec honours, by name, without binding anything: [BusEvent(name, Aliases = …)],
/// System.Text.Json's [JsonPropertyName], [JsonIgnore] and [JsonConstructor].
/// </summary>
internal static class CodecAttributes
{
    private const string SerializationNamespace = "System.Text.Json.Serialization";

    // JsonIgnoreCondition.Always, the condition of a bare [JsonIgnore].
    private const int IgnoreAlways = 1;

    /// <summary>The written name and aliases from [BusEvent], the simple name when none is given.</summary>
    public static (string Name, string[] Aliases) EventNamesOf(INamedTypeSymbol type)
    {
        string name = type.Name;
        var aliases = new List<string>();
        foreach (AttributeData attribute in type.GetAttributes())
        {
            if (attribute.AttributeClass is not { Name: "BusEventAttribute", ContainingNamespace: { Name: "GeneratedBus", ContainingNamespace.IsGlobalNamespace: true } })
            {
                continue;
            }

            if (attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string { Length: > 0 } given)
            {
                name = given;
            }

            foreach (KeyValuePair<string, TypedConstant> named in attribute.NamedArguments)
            {
                if (named.Key == "Aliases" && named.Value.Kind == TypedConstantKind.Array && !named.Value.IsNull)
                {
                    foreach (TypedConstant alias in named.Value.Values)
                    {
                        if (alias.Value is string { Length: > 0 } text && text != name && !aliases.Contains(text))
                        {
                            aliases.Add(text);
                        }
                    }
                }
            }
        }

        return (name, aliases.ToArray());
    }

    /// <summary>The name [JsonPropertyName] gives the member, or <see langword="null"/>.</summary>
    public static string? JsonNameOf(ISymbol member)
    {
        AttributeData? attribute = Find(member, "JsonPropertyNameAttribute");
        return attribute is { ConstructorArguments.Length: 1 } && attribute.ConstructorArguments[0].Value is string name ? name : null;
    }

    /// <summary>Whether [JsonIgnore] leaves the member out: bare, or with <c>Condition = Always</c>.</summary>
    public static bool IsIgnored(ISymbol member)
    {
        AttributeData? attribute = Find(member, "JsonIgnoreAttribute");
        if (attribute is null)
        {
            return false;
        }

        foreach (KeyValuePair<string, TypedConstant> named in attribute.NamedArguments)
        {
            if (named.Key == "Condition" && named.Value.Value is int condition)
            {
                return condition == IgnoreAlways;
            }
        }

        return true;
    }

    /// <summary>Whether the constructor carries [JsonConstructor].</summary>
    public static bool IsJsonConstructor(IMethodSymbol constructor) => Find(constructor, "JsonConstructorAttribute") is not null;

    private static AttributeData? Find(ISymbol symbol, string name)
    {
        foreach (AttributeData attribute in symbol.GetAttributes())
        {
            if (attribute.AttributeClass is { } type && type.Name == name
                && type.ContainingNamespace?.ToDisplayString() == SerializationNamespace)
            {
                return attribute;
            }
        }

        return null;
    }
}
