using System;
using System.Threading;
using GeneratedBus.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GeneratedBus.Generators.Parsing;

/// <summary>
/// Finds handler overrides of types that lack [BusEvent] (GB0017). Kept cheap for the IDE: the syntax filter passes
/// only <c>override</c> methods named <c>On…</c> with one parameter, and the semantic step binds that parameter's type
/// alone; whether its root has a bus is settled later, against the collected events.
/// </summary>
internal static class HandlerOverrides
{
    /// <summary>Cheap syntax filter: an override method of a class or record, named <c>On…</c>, with one parameter.</summary>
    public static bool IsCandidate(SyntaxNode node) =>
        node is MethodDeclarationSyntax { ParameterList.Parameters.Count: 1, Parent: ClassDeclarationSyntax or RecordDeclarationSyntax } method
        && method.Modifiers.Any(SyntaxKind.OverrideKeyword)
        && method.Identifier.ValueText.StartsWith("On", StringComparison.Ordinal);

    /// <summary>The override's parameter type, when it is a non-[BusEvent] type below a root and the name fits its handler.</summary>
    public static UnmarkedHandledType? Parse(GeneratorSyntaxContext context, CancellationToken cancellationToken)
    {
        var method = (MethodDeclarationSyntax)context.Node;
        TypeSyntax? parameterType = method.ParameterList.Parameters[0].Type;
        if (parameterType is null
            || context.SemanticModel.GetTypeInfo(parameterType, cancellationToken).Type is not INamedTypeSymbol type
            || type.TypeKind is not (TypeKind.Class or TypeKind.Struct)
            || method.Identifier.ValueText != "On" + Naming.StemOf(type.Name)
            || IsBusEvent(type)
            || RootResolver.HasErrorTypes(type)
            || RootResolver.Resolve(type).Root is not { } root
            || SymbolEqualityComparer.Default.Equals(root, type))
        {
            return null;
        }

        string listener = method.Parent is TypeDeclarationSyntax owner ? owner.Identifier.ValueText + "." : string.Empty;
        return new UnmarkedHandledType(
            SymbolNames.ForDisplay(type),
            SymbolNames.MetadataNameOf(root),
            SymbolNames.ForDisplay(root),
            listener + method.Identifier.ValueText,
            DiagnosticLocation.From(parameterType.GetLocation()));
    }

    private static bool IsBusEvent(INamedTypeSymbol type)
    {
        foreach (AttributeData attribute in type.GetAttributes())
        {
            if (attribute.AttributeClass?.ToDisplayString() == BusGenerator.BusEventAttributeName)
            {
                return true;
            }
        }

        return false;
    }
}
