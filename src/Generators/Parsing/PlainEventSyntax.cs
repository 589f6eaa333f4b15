using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GeneratedBus.Generators.Parsing;

/// <summary>
/// A plainly marked event: a declaration whose one attribute is an argument-less <c>[BusEvent]</c> or
/// <c>[BusEventAttribute]</c>, in one part. Syntax shows what the semantic parse would otherwise ask the compiler for,
/// event by event, at the cost of binding every attribute: that the type carries no other attribute (no [Obsolete],
/// [Experimental] or codec name), so only the mark itself needs binding, once per context. Erroneous code can declare
/// the type again elsewhere; <see cref="PlainEventParser"/> checks that from the symbol.
/// </summary>
/// <remarks>
/// On a 1,000-event bus, binding each event's attributes and building each record's members for its codec took most
/// of a cold build's generator time; <see cref="PlainEventParser"/> binds the mark once per context and copies a
/// codec from one event to its look-alikes (<see cref="CodecTemplates"/>).
/// </remarks>
internal static class PlainEventSyntax
{
    /// <summary>Whether <paramref name="node"/> is a plainly marked declaration. Syntax only: it runs on every node.</summary>
    public static bool Qualifies(SyntaxNode node)
    {
        if (node is not TypeDeclarationSyntax declaration || !EventParser.IsCandidate(node)
            || declaration.AttributeLists.Count != 1 || declaration.TypeParameterList is not null)
        {
            return false;
        }

        AttributeListSyntax list = declaration.AttributeLists[0];
        if (list.Target is not null || list.Attributes.Count != 1)
        {
            return false;
        }

        // Spelled plainly: '@BusEvent' looks up no BusEventAttribute, and MarkBinding keys its answers by the text.
        AttributeSyntax attribute = list.Attributes[0];
        if (attribute.ArgumentList is not null
            || attribute.Name is not IdentifierNameSyntax { Identifier.Text: "BusEvent" or "BusEventAttribute" })
        {
            return false;
        }

        // Another part could carry other attributes.
        foreach (SyntaxToken modifier in declaration.Modifiers)
        {
            if (modifier.IsKind(SyntaxKind.PartialKeyword))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The key under which <paramref name="declaration"/>'s codec equals that of any other declaration with the same
    /// key, but for the event's own name; <see langword="null"/> when it may not.
    /// </summary>
    /// <remarks>
    /// Declarations beside each other (the same parent node) with the same modifiers, parameter list and base list, in
    /// the same nullable context, bind alike: each name in them is looked up in the same scope, and only keywords name
    /// the parameters' types, so no member type can be the event itself. With no body members, the record's members and
    /// constructors are those lists' alone. A directive in or just before the declaration (#nullable, #if) could change
    /// that midway, so such a declaration gets no key.
    /// </remarks>
    /// <param name="declaration">The declaration.</param>
    /// <param name="nullableContext">The nullable context at its start.</param>
    public static string? CodecTemplateKey(TypeDeclarationSyntax declaration, NullableContext nullableContext)
    {
        if (declaration is not RecordDeclarationSyntax record || record.Members.Count != 0 || record.ConstraintClauses.Count != 0
            || record.ContainsDirectives)
        {
            return null;
        }

        if (record.ParameterList is { } parameters)
        {
            foreach (ParameterSyntax parameter in parameters.Parameters)
            {
                if (parameter.AttributeLists.Count != 0 || parameter.Modifiers.Count != 0 || !IsKeywordType(parameter.Type))
                {
                    return null;
                }
            }
        }

        var key = new StringBuilder().Append((int)nullableContext).Append('|');
        foreach (SyntaxToken modifier in record.Modifiers)
        {
            key.Append(modifier.ValueText).Append(' ');
        }

        return key.Append(record.ClassOrStructKeyword.ValueText)
            .Append('|').Append(record.ParameterList?.ToString())
            .Append('|').Append(record.BaseList?.ToString())
            .ToString();
    }

    private static bool IsKeywordType(TypeSyntax? type)
        => type is PredefinedTypeSyntax || type is NullableTypeSyntax { ElementType: PredefinedTypeSyntax };
}
