using Microsoft.CodeAnalysis;

namespace GeneratedBus.Generators.Parsing;

/// <summary>The ways the generator writes a symbol's name.</summary>
internal static class SymbolNames
{
    // global::-qualified with keywords escaped (global::Acme.@class): safe to use anywhere in generated code.
    private static readonly SymbolDisplayFormat s_code = SymbolDisplayFormat.FullyQualifiedFormat;

    // Acme.@class, for the namespace declaration.
    private static readonly SymbolDisplayFormat s_namespace =
        SymbolDisplayFormat.FullyQualifiedFormat.WithGlobalNamespaceStyle(SymbolDisplayGlobalNamespaceStyle.Omitted);

    // Acme.class: the metadata spelling, without escapes.
    private static readonly SymbolDisplayFormat s_metadataNamespace = new(
        globalNamespaceStyle: SymbolDisplayGlobalNamespaceStyle.Omitted,
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces);

    // Acme.Scheduling.JobStart, for messages.
    private static readonly SymbolDisplayFormat s_display = SymbolDisplayFormat.CSharpErrorMessageFormat;

    /// <summary>The name to use in generated code.</summary>
    public static string ForCode(INamedTypeSymbol type) => type.ToDisplayString(s_code);

    /// <summary>The name to show in a diagnostic.</summary>
    public static string ForDisplay(INamedTypeSymbol type) => type.ToDisplayString(s_display);

    /// <summary>The namespace to declare generated types in; empty for the global namespace.</summary>
    public static string NamespaceOf(INamedTypeSymbol type)
        => type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString(s_namespace) : string.Empty;

    /// <summary>The metadata name with namespace and containing types (<c>Acme.Outer+Root</c>): unique per assembly.</summary>
    public static string MetadataNameOf(INamedTypeSymbol type)
    {
        string name = type.MetadataName;
        for (INamedTypeSymbol? outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            name = outer.MetadataName + "+" + name;
        }

        return type.ContainingNamespace is { IsGlobalNamespace: false } ns
            ? ns.ToDisplayString(s_metadataNamespace) + "." + name
            : name;
    }

    /// <summary>
    /// Whether generated code can spell the type's full name. Half-typed code can leave a containing namespace or type
    /// without a name (<c>namespace Acme.;</c>), and a namespace that shares its name with a non-generic type declared
    /// in source beside it (CS0101) makes <c>global::Acme.X</c> ambiguous. The compiler reports both; generated code
    /// could only add errors. A generic <c>Acme&lt;T&gt;</c> does not clash (<c>Acme</c> without type arguments is the
    /// namespace), and against an imported type the compiler picks the source namespace and warns (CS0437) where the
    /// user's own code meets the clash, so both still get code.
    /// </summary>
    public static bool CanBeSpelled(INamedTypeSymbol type)
    {
        for (ISymbol? current = type; current is not (null or INamespaceSymbol { IsGlobalNamespace: true }); current = current.ContainingSymbol)
        {
            if (current.Name.Length == 0
                || (current is INamespaceSymbol ns && HasSourceTypeNamed(ns.ContainingNamespace, ns.Name)))
            {
                return false;
            }
        }

        return true;
    }

    private static bool HasSourceTypeNamed(INamespaceSymbol container, string name)
    {
        foreach (INamedTypeSymbol type in container.GetTypeMembers(name, arity: 0))
        {
            if (!type.DeclaringSyntaxReferences.IsEmpty)
            {
                return true;
            }
        }

        return false;
    }
}
