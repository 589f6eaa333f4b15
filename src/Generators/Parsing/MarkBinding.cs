using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GeneratedBus.Generators.Parsing;

/// <summary>
/// Whether a plain mark (<see cref="PlainEventSyntax"/>) binds to <c>GeneratedBus.BusEventAttribute</c>, asked once
/// per scope: declarations with the same parent see the same names, so the same spelling binds alike in all of them.
/// </summary>
/// <remarks>Keyed weakly by the compilation, as <see cref="RootFacts"/> is: an answer never outlives the symbols behind it.</remarks>
internal static class MarkBinding
{
    private static readonly ConditionalWeakTable<Compilation, ConcurrentDictionary<(SyntaxNode Scope, string Spelling), bool>> s_byCompilation = new();

    /// <summary>Whether <paramref name="attribute"/>, the one attribute of a plainly marked declaration, is [BusEvent].</summary>
    public static bool IsBusEvent(SemanticModel model, AttributeSyntax attribute, CancellationToken cancellationToken)
    {
        // The scope a type's attributes bind in is the one its declaration sits in.
        SyntaxNode scope = attribute.Parent!.Parent!.Parent!;
        string spelling = ((IdentifierNameSyntax)attribute.Name).Identifier.ValueText;
        ConcurrentDictionary<(SyntaxNode, string), bool> answers = s_byCompilation.GetValue(
            model.Compilation,
            static _ => new ConcurrentDictionary<(SyntaxNode, string), bool>());
        if (!answers.TryGetValue((scope, spelling), out bool isBusEvent))
        {
            isBusEvent = answers.GetOrAdd((scope, spelling), Bind(model, attribute, cancellationToken));
        }

        return isBusEvent;
    }

    // As ForAttributeWithMetadataName matches: by the attribute's class, even when its constructor does not resolve.
    private static bool Bind(SemanticModel model, AttributeSyntax attribute, CancellationToken cancellationToken)
    {
        SymbolInfo info = model.GetSymbolInfo(attribute, cancellationToken);
        INamedTypeSymbol? attributeClass = info.Symbol?.ContainingType;
        if (attributeClass is null && info.CandidateReason == CandidateReason.OverloadResolutionFailure && info.CandidateSymbols.Length > 0)
        {
            attributeClass = info.CandidateSymbols[0].ContainingType;
            foreach (ISymbol candidate in info.CandidateSymbols)
            {
                if (!SymbolEqualityComparer.Default.Equals(candidate.ContainingType, attributeClass))
                {
                    return false;
                }
            }
        }

        return attributeClass is { Name: "BusEventAttribute", ContainingType: null, ContainingNamespace: { Name: "GeneratedBus", ContainingNamespace.IsGlobalNamespace: true } };
    }
}
