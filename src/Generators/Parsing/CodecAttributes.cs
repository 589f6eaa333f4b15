using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GeneratedBus.Generators.Parsing;

/// <summary>
/// Reads the attributes the codec honours, by name, without binding anything: [BusEvent(name, Aliases = …)],
/// System.Text.Json's [JsonPropertyName], [JsonIgnore] and [JsonConstructor].
/// </summary>
internal static class CodecAttributes
{
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

    /// <summary>
    /// Whether the member may carry attributes: from metadata, or declared with an attribute list. Asking a source
    /// symbol for its attributes binds them, on every compilation change, for every member of every event: the
    /// syntax answers for the common member without any.
    /// </summary>
    public static bool MayHaveAttributes(ISymbol member)
    {
        if (member.DeclaringSyntaxReferences.IsEmpty)
        {
            return true;
        }

        foreach (SyntaxReference reference in member.DeclaringSyntaxReferences)
        {
            SyntaxNode node = reference.GetSyntax();
            if (node is not (ParameterSyntax { AttributeLists.Count: 0 } or PropertyDeclarationSyntax { AttributeLists.Count: 0 }))
            {
                return true;
            }
        }

        return false;
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

    /// <summary>
    /// The warnings referring to <paramref name="member"/> raises ([Obsolete], [Experimental] on the member itself),
    /// added to <paramref name="ids"/>; false when a reference is an error no pragma can lift.
    /// </summary>
    public static bool AddUsageWarnings(ISymbol member, ISet<string> ids)
    {
        bool usable = true;
        foreach (AttributeData attribute in member.GetAttributes())
        {
            if (attribute.AttributeClass is not { ContainingNamespace: { } ns } type)
            {
                continue;
            }

            if (type.Name == "ObsoleteAttribute" && ns is { Name: "System", ContainingNamespace.IsGlobalNamespace: true })
            {
                usable &= !(attribute.ConstructorArguments.Length == 2 && attribute.ConstructorArguments[1].Value is true);
                string? custom = attribute.NamedArguments.FirstOrDefault(a => a.Key == "DiagnosticId").Value.Value as string;
                if (custom is null)
                {
                    ids.Add("CS0612");
                    ids.Add("CS0618");
                }
                else
                {
                    usable &= AddId(ids, custom);
                }
            }
            else if (type.Name == "ExperimentalAttribute" && ns.ToDisplayString() == "System.Diagnostics.CodeAnalysis"
                && attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string id)
            {
                usable &= AddId(ids, id);
            }
        }

        return usable;
    }

    // Only an ID a #pragma can name can be suppressed.
    private static bool AddId(ISet<string> ids, string id)
    {
        if (id.Length == 0 || !char.IsLetter(id[0]) || !id.All(c => char.IsLetterOrDigit(c) || c == '_'))
        {
            return false;
        }

        ids.Add(id);
        return true;
    }

    /// <summary>Whether the constructor carries [JsonConstructor].</summary>
    public static bool IsJsonConstructor(IMethodSymbol constructor) => Find(constructor, "JsonConstructorAttribute") is not null;

    private static AttributeData? Find(ISymbol symbol, string name)
    {
        foreach (AttributeData attribute in symbol.GetAttributes())
        {
            if (attribute.AttributeClass is
                {
                    ContainingNamespace:
                    {
                        Name: "Serialization",
                        ContainingNamespace: { Name: "Json", ContainingNamespace: { Name: "Text", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } },
                    },
                } type
                && type.Name == name)
            {
                return attribute;
            }
        }

        return null;
    }
}
