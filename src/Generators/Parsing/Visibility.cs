using Microsoft.CodeAnalysis;

namespace GeneratedBus.Generators.Parsing;

/// <summary>How far code at namespace level in this assembly can see a type.</summary>
internal enum Reach
{
    /// <summary>Private, protected or file-local somewhere in its nesting.</summary>
    None,

    /// <summary>Visible in this assembly only.</summary>
    Internal,

    /// <summary>Visible everywhere.</summary>
    Public,
}

/// <summary>Effective accessibility: a type is as visible as the least visible of itself and its containing types.</summary>
internal static class Visibility
{
    /// <summary>The reach of <paramref name="type"/> from namespace-level code in <paramref name="compilation"/>.</summary>
    public static Reach ReachOf(INamedTypeSymbol type, Compilation compilation)
    {
        Reach reach = Reach.Public;
        for (INamedTypeSymbol? current = type; current is not null; current = current.ContainingType)
        {
            if (current.IsFileLocal)
            {
                return Reach.None;
            }

            switch (current.DeclaredAccessibility)
            {
                case Accessibility.Public:
                    break;
                case Accessibility.Internal:
                case Accessibility.ProtectedOrInternal:
                    // 'protected internal' is reachable from namespace-level code of this assembly, not from outside.
                    reach = Reach.Internal;
                    break;
                default:
                    return Reach.None;
            }
        }

        // An internal type of a referenced assembly is visible only through InternalsVisibleTo.
        if (reach == Reach.Internal
            && !SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, compilation.Assembly)
            && !type.ContainingAssembly.GivesAccessTo(compilation.Assembly))
        {
            return Reach.None;
        }

        return reach;
    }

    /// <summary>Whether <paramref name="type"/> or a containing type has type parameters.</summary>
    public static bool IsGenericOrInGeneric(INamedTypeSymbol type)
    {
        for (INamedTypeSymbol? current = type; current is not null; current = current.ContainingType)
        {
            if (current.TypeParameters.Length > 0)
            {
                return true;
            }
        }

        return false;
    }
}
