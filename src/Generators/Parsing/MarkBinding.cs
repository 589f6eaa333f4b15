using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GeneratedBus.Generators.Parsing;

/// <summary>
/// What a plain mark (<see cref="PlainEventSyntax"/>) binds to, asked once per scope: declarations with the same parent
/// see the same names, so the same spelling binds alike in all of them.
/// </summary>
/// <remarks>Keyed weakly by the compilation, as <see cref="RootFacts"/> is: an answer never outlives the symbols behind it.</remarks>
internal static class MarkBinding
{
    /// <summary>What the mark is.</summary>
    public enum Mark
    {
        /// <summary>Another attribute: no event, as <c>ForAttributeWithMetadataName</c> would not match it either.</summary>
        Other,

        /// <summary><c>GeneratedBus.BusEventAttribute</c>'s parameterless constructor: no name or alias given.</summary>
        BusEvent,

        /// <summary>
        /// Not bound cleanly (inaccessible or ambiguous, a constructor with defaults, a user's own attribute of that name
        /// that does not resolve): the declaration takes the general parse, whose attribute check is the exact one.
        /// </summary>
        Undecided,
    }

    private static readonly ConditionalWeakTable<Compilation, ConcurrentDictionary<(SyntaxNode Scope, string Spelling), Mark>> s_byCompilation = new();

    /// <summary>What <paramref name="attribute"/>, the one attribute of a plainly marked declaration, binds to.</summary>
    public static Mark Of(SemanticModel model, AttributeSyntax attribute, CancellationToken cancellationToken)
    {
        // The scope a type's attributes bind in is the one its declaration sits in. PlainEventSyntax admits only
        // spellings without '@' or escapes, so the text is the name looked up.
        SyntaxNode scope = attribute.Parent!.Parent!.Parent!;
        string spelling = ((IdentifierNameSyntax)attribute.Name).Identifier.Text;
        ConcurrentDictionary<(SyntaxNode, string), Mark> answers = s_byCompilation.GetValue(
            model.Compilation,
            static _ => new ConcurrentDictionary<(SyntaxNode, string), Mark>());
        if (!answers.TryGetValue((scope, spelling), out Mark mark))
        {
            mark = Bind(model, attribute, cancellationToken);
            answers.TryAdd((scope, spelling), mark);
        }

        return mark;
    }

    private static Mark Bind(SemanticModel model, AttributeSyntax attribute, CancellationToken cancellationToken)
    {
        if (model.GetSymbolInfo(attribute, cancellationToken).Symbol is not IMethodSymbol { ContainingType: { } attributeClass } constructor)
        {
            return Mark.Undecided;
        }

        if (!IsBusEventAttribute(attributeClass))
        {
            return Mark.Other;
        }

        return constructor.Parameters.IsEmpty ? Mark.BusEvent : Mark.Undecided;
    }

    /// <summary>Whether <paramref name="type"/> is <c>GeneratedBus.BusEventAttribute</c>, from any assembly, as the metadata name matches it.</summary>
    public static bool IsBusEventAttribute(INamedTypeSymbol? type)
        => type is { Name: "BusEventAttribute", Arity: 0, ContainingType: null, ContainingNamespace: { Name: "GeneratedBus", ContainingNamespace.IsGlobalNamespace: true } };
}
