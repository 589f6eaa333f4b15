using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using GeneratedBus.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GeneratedBus.Generators.Parsing;

/// <summary>
/// Finds the listener classes of this compilation and the handlers they override, for the queues' interest filter.
/// The generator's compilation lacks its own output, so a listener's generated base is unbound there: the chain of a
/// listener's source bases ends in an error type that bears the generated base's name, which the planner matches to
/// a bus. A class it cannot place gets no entry, and so every event: the safe default.
/// </summary>
internal static class ListenerParser
{
    /// <summary>Cheap syntax filter: a class with a base list and at least one <c>override</c> method named <c>On…</c>.</summary>
    public static bool IsCandidate(SyntaxNode node) =>
        node is ClassDeclarationSyntax { BaseList: not null } declaration
        && declaration.Members.Any(member => member is MethodDeclarationSyntax method
            && method.Modifiers.Any(SyntaxKind.OverrideKeyword)
            && method.Identifier.ValueText.StartsWith("On", StringComparison.Ordinal));

    /// <summary>The listener, or <see langword="null"/> for a class that takes every event or that generated code cannot name.</summary>
    public static ListenerSpec? Parse(GeneratorSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.SemanticModel.GetDeclaredSymbol(context.Node, cancellationToken) is not INamedTypeSymbol type
            || type.IsAbstract
            || type.IsStatic
            || Visibility.IsGenericOrInGeneric(type)
            || !SymbolNames.CanBeSpelled(type)
            || Visibility.ReachOf(type, context.SemanticModel.Compilation) == Reach.None
            || UsageWarnings.Of(type).Ids.Length > 0)
        {
            return null;
        }

        var handlers = new SortedSet<string>(StringComparer.Ordinal);
        for (INamedTypeSymbol? current = type; current is not null; current = current.BaseType)
        {
            if (current.TypeKind == TypeKind.Error)
            {
                return new ListenerSpec(SymbolNames.ForCode(type), SymbolNames.NamespaceOf(type), current.Name, new EquatableArray<string>(handlers.ToArray()));
            }

            if (!current.Locations.Any(l => l.IsInSource) || current.Interfaces.Any(i => i.TypeKind == TypeKind.Error))
            {
                // A base from another assembly is not a listener of a bus generated here; a class that also lists an
                // unbound interface may implement the generated one's handlers explicitly, which no override shows.
                return null;
            }

            foreach (ISymbol member in current.GetMembers())
            {
                if (member is IMethodSymbol { IsOverride: true, Parameters.Length: 1 } method && method.Name.StartsWith("On", StringComparison.Ordinal))
                {
                    if (method.Name is GeneratedNames.OtherHandler or GeneratedNames.FirehoseHandler)
                    {
                        // OnOtherEvent and firehose listeners take every event.
                        return null;
                    }

                    handlers.Add(method.Name);
                }
            }
        }

        return null;
    }
}
