using System.Collections.Generic;
using System.Linq;
using System.Threading;
using GeneratedBus.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GeneratedBus.Generators.Parsing;

/// <summary>
/// Reads the <c>[assembly: GenerateBus(typeof(Root))]</c> attributes of one file. Roslyn finds the files by syntax
/// (ForAttributeWithMetadataName on the compilation unit), so files without the attribute cost nothing, and only
/// these few attributes are bound again when the compilation changes.
/// </summary>
internal static class GenerateBusParser
{
    /// <summary>The attribute that asks for a bus over referenced events.</summary>
    public const string AttributeName = "GeneratedBus.GenerateBusAttribute";

    /// <summary>Assembly attributes sit on the compilation unit, which is the node Roslyn offers for them.</summary>
    public static bool IsCandidate(SyntaxNode node) => node is CompilationUnitSyntax;

    /// <summary>The requests of the file in <paramref name="context"/>, in source order.</summary>
    public static EquatableArray<BusRequest> Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        Compilation compilation = context.SemanticModel.Compilation;
        var requests = new List<BusRequest>(context.Attributes.Length);
        foreach (AttributeData attribute in context.Attributes)
        {
            // typeof(Unknown) is the compiler's error to report; a bus cannot be generated for it.
            if (attribute.ConstructorArguments.Length == 1
                && attribute.ConstructorArguments[0].Value is INamedTypeSymbol { TypeKind: not TypeKind.Error } root)
            {
                DiagnosticLocation? location = DiagnosticLocation.From(attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation());
                requests.Add(new BusRequest(RootFacts.Of(root, compilation).Spec, root.ContainingAssembly?.Identity.Name ?? string.Empty, location));
            }
        }

        return EquatableArray<BusRequest>.From(requests);
    }

    /// <summary>The roots <paramref name="requests"/> name, each once, in ordinal order: the reference scan's only input from source.</summary>
    public static EquatableArray<RequestedRoot> RootsOf(EquatableArray<BusRequest> requests)
        => EquatableArray<RequestedRoot>.From(requests
            .Select(request => new RequestedRoot(request.RootMetadataName, request.RootAssembly))
            .Distinct()
            .OrderBy(root => root.MetadataName, System.StringComparer.Ordinal)
            .ThenBy(root => root.Assembly, System.StringComparer.Ordinal));
}
