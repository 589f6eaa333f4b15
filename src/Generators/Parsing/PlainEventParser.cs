using System.Threading;
using GeneratedBus.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GeneratedBus.Generators.Parsing;

/// <summary>
/// Parses a plainly marked declaration (<see cref="PlainEventSyntax"/>) as <see cref="EventParser"/> parses any event,
/// but without binding each event's attributes: the mark is bound once per scope (<see cref="MarkBinding"/>), and what
/// the other attributes would have told is known from syntax to be nothing.
/// </summary>
internal static class PlainEventParser
{
    /// <summary>The parse of the declaration, or <see langword="null"/> when its mark is not [BusEvent] or it is no event.</summary>
    public static ParsedEvent? Parse(GeneratorSyntaxContext context, CancellationToken cancellationToken)
    {
        var declaration = (TypeDeclarationSyntax)context.Node;
        if (!MarkBinding.IsBusEvent(context.SemanticModel, declaration.AttributeLists[0].Attributes[0], cancellationToken)
            || context.SemanticModel.GetDeclaredSymbol(declaration, cancellationToken) is not INamedTypeSymbol type)
        {
            return null;
        }

        return EventParser.Parse(type, declaration, context.SemanticModel.Compilation, plainlyMarked: true, cancellationToken);
    }
}
