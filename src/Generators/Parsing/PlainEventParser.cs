using System.Threading;
using GeneratedBus.Generators.Model;
using GeneratedBus.Generators.Parsing.SyntaxDecided;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GeneratedBus.Generators.Parsing;

/// <summary>
/// Parses a plainly marked declaration (<see cref="PlainEventSyntax"/>) as <see cref="EventParser"/> parses any event,
/// but without binding each event's attributes: the mark is bound once per scope (<see cref="MarkBinding"/>), and what
/// the other attributes would have told is known from syntax to be nothing. Where that knowledge fails (the mark does
/// not bind cleanly, or erroneous code declares the type twice), it checks the attributes as
/// <c>ForAttributeWithMetadataName</c> does and parses the general way.
/// </summary>
internal static class PlainEventParser
{
    /// <summary>The parse of the declaration, or <see langword="null"/> when its mark is not [BusEvent] or it is no event.</summary>
    public static ParsedEvent? Parse(GeneratorSyntaxContext context, CancellationToken cancellationToken)
    {
        var declaration = (TypeDeclarationSyntax)context.Node;
        if (SyntaxDecidedEvent.TryParse(declaration, context.SemanticModel, cancellationToken) is { } decided)
        {
            return decided;
        }

        MarkBinding.Mark mark = MarkBinding.Of(context.SemanticModel, declaration.AttributeLists[0].Attributes[0], cancellationToken);
        if (mark == MarkBinding.Mark.Other
            || context.SemanticModel.GetDeclaredSymbol(declaration, cancellationToken) is not INamedTypeSymbol type)
        {
            return null;
        }

        // One declaration: another (a stray partial, a duplicate) could carry attributes syntax did not see here.
        if (mark == MarkBinding.Mark.BusEvent && type.DeclaringSyntaxReferences.Length == 1)
        {
            return EventParser.Parse(type, declaration, context.SemanticModel, plainlyMarked: true, cancellationToken);
        }

        return IsMarkedHere(type, declaration)
            ? EventParser.Parse(type, declaration, context.SemanticModel, plainlyMarked: false, cancellationToken)
            : null;
    }

    // ForAttributeWithMetadataName's own test: an attribute applied in this declaration, of the attribute class by name.
    private static bool IsMarkedHere(INamedTypeSymbol type, TypeDeclarationSyntax declaration)
    {
        foreach (AttributeData attribute in type.GetAttributes())
        {
            if (attribute.ApplicationSyntaxReference is { } applied
                && applied.SyntaxTree == declaration.SyntaxTree
                && declaration.FullSpan.Contains(applied.Span)
                && MarkBinding.IsBusEventAttribute(attribute.AttributeClass))
            {
                return true;
            }
        }

        return false;
    }
}
