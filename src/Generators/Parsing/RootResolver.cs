using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace GeneratedBus.Generators.Parsing;

/// <summary>
/// Finds an event's root: the nearest [EventBus] base class, else the one most derived [EventBus] interface, else the
/// top-most base class.
/// </summary>
internal static class RootResolver
{
    /// <summary>The outcome: a root, or none, or several candidates.</summary>
    /// <param name="Root">The root, when exactly one was found.</param>
    /// <param name="Candidates">The [EventBus] interfaces, when there were several.</param>
    public readonly record struct Resolution(INamedTypeSymbol? Root, IReadOnlyList<INamedTypeSymbol> Candidates);

    /// <summary>Resolves the root of <paramref name="type"/>.</summary>
    public static Resolution Resolve(INamedTypeSymbol type)
    {
        INamedTypeSymbol? top = null;
        for (INamedTypeSymbol? current = type.BaseType; current is not null && !IsTopType(current); current = current.BaseType)
        {
            if (EventBusAttributes.IsMarked(current))
            {
                return new Resolution(current, []);
            }

            top = current;
        }

        var marked = new List<INamedTypeSymbol>();
        foreach (INamedTypeSymbol candidate in type.AllInterfaces)
        {
            if (EventBusAttributes.IsMarked(candidate))
            {
                marked.Add(candidate);
            }
        }

        // An [EventBus] interface that another marked one extends is the less specific root: the most derived wins.
        marked.RemoveAll(candidate => marked.Exists(other => !ReferenceEquals(other, candidate) && Extends(other, candidate)));

        return marked.Count switch
        {
            1 => new Resolution(marked[0], []),
            0 => new Resolution(top, []),
            _ => new Resolution(null, marked),
        };
    }

    /// <summary>Whether the type or any of its bases or interfaces failed to bind (half-typed code): then say nothing.</summary>
    public static bool HasErrorTypes(INamedTypeSymbol type)
    {
        for (INamedTypeSymbol? current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.TypeKind == TypeKind.Error)
            {
                return true;
            }
        }

        foreach (INamedTypeSymbol candidate in type.AllInterfaces)
        {
            if (candidate.TypeKind == TypeKind.Error)
            {
                return true;
            }
        }

        return false;
    }

    private static bool Extends(INamedTypeSymbol derived, INamedTypeSymbol candidate)
    {
        foreach (INamedTypeSymbol inherited in derived.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(inherited, candidate))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsTopType(INamedTypeSymbol type)
        => type.SpecialType is SpecialType.System_Object or SpecialType.System_ValueType;
}
