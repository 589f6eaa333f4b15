using System.Collections.Generic;
using System.Linq;
using System.Threading;
using GeneratedBus.Generators.Diagnostics;
using GeneratedBus.Generators.Model;
using Microsoft.CodeAnalysis;

namespace GeneratedBus.Generators.Parsing;

/// <summary>
/// Reads <c>[assembly: GenerateBus(typeof(Root))]</c> and finds the [BusEvent] types of the referenced assemblies
/// whose root it names. Events from metadata have no syntax: everything comes from their symbols.
/// </summary>
/// <remarks>
/// Runs on every compilation change, but reads only the assembly's own attributes unless one asks for a bus, and then
/// walks only assemblies that reference the runtime. Its result is equatable, so later steps stay cached.
/// </remarks>
internal static class ReferenceScanner
{
    private const string RuntimeAssemblyName = "GeneratedBus";

    /// <summary>The requests of <paramref name="compilation"/> and the referenced events they cover.</summary>
    public static ReferencedEvents Scan(Compilation compilation, CancellationToken cancellationToken)
    {
        var roots = new List<(INamedTypeSymbol Root, BusRequest Request)>();
        foreach (AttributeData attribute in compilation.Assembly.GetAttributes())
        {
            if (IsGenerateBus(attribute.AttributeClass)
                && attribute.ConstructorArguments.Length == 1
                && attribute.ConstructorArguments[0].Value is INamedTypeSymbol { TypeKind: not TypeKind.Error } root)
            {
                DiagnosticLocation? location = DiagnosticLocation.From(attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation());
                roots.Add((root, new BusRequest(SymbolNames.MetadataNameOf(root), SymbolNames.ForDisplay(root), location)));
            }
        }

        if (roots.Count == 0)
        {
            return ReferencedEvents.None;
        }

        var events = new List<EventSpec>();
        var codecs = new List<CodecEventSpec>();
        var diagnostics = new List<DiagnosticInfo>();
        foreach (IAssemblySymbol assembly in compilation.SourceModule.ReferencedAssemblySymbols
                     .Where(ReferencesRuntime)
                     .OrderBy(a => a.Identity.Name, System.StringComparer.Ordinal))
        {
            foreach (INamedTypeSymbol type in TypesOf(assembly.GlobalNamespace).OrderBy(SymbolNames.MetadataNameOf, System.StringComparer.Ordinal))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!HasBusEvent(type) || RootResolver.Resolve(type).Root is not { } root)
                {
                    continue;
                }

                int index = roots.FindIndex(r => SymbolEqualityComparer.Default.Equals(r.Root, root));
                if (index < 0)
                {
                    continue;
                }

                AddEvent(type, root, roots[index].Request, compilation, events, codecs, diagnostics, assembly.Identity.Name);
            }
        }

        return new ReferencedEvents(
            EquatableArray<BusRequest>.From(roots.Select(r => r.Request)),
            EquatableArray<EventSpec>.From(events),
            EquatableArray<CodecEventSpec>.From(codecs),
            EquatableArray<DiagnosticInfo>.From(diagnostics));
    }

    private static void AddEvent(
        INamedTypeSymbol type,
        INamedTypeSymbol root,
        BusRequest request,
        Compilation compilation,
        List<EventSpec> events,
        List<CodecEventSpec> codecs,
        List<DiagnosticInfo> diagnostics,
        string assemblyName)
    {
        string display = SymbolNames.ForDisplay(type);
        RootSpec rootSpec = RootFacts.Of(root, compilation).Spec;
        if (!compilation.IsSymbolAccessibleWithin(type, compilation.Assembly) || Visibility.IsGenericOrInGeneric(type))
        {
            // Internal to its library (or generic, which its library already reported): the bus here cannot name it.
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.EventLessAccessible, request.Location, display, "public", rootSpec.DisplayName));
            return;
        }

        string typeName = SymbolNames.ForCode(type);
        EquatableArray<string> docLines = new(DocComments.HandlerDocFor(type.GetDocumentationCommentXml(), typeName));
        // Ordered after this compilation's files by assembly, then metadata name: deterministic without syntax.
        string orderKey = "\uffff" + assemblyName + "/" + SymbolNames.MetadataNameOf(type);
        events.Add(EventParser.CreateSpec(type, rootSpec, display, typeName, orderKey, UsageWarnings.Of(type), docLines));
        if (!type.IsAbstract && rootSpec.Problem == RootProblem.None)
        {
            // Codec diagnostics belong to the library's source; here they would point at the request and repeat.
            codecs.Add(CodecParser.Parse(type, compilation, request.Location, typeName, display).Spec);
        }
    }

    private static bool IsGenerateBus(INamedTypeSymbol? type)
        => type is { Name: "GenerateBusAttribute", ContainingNamespace: { Name: RuntimeAssemblyName, ContainingNamespace.IsGlobalNamespace: true } };

    private static bool HasBusEvent(INamedTypeSymbol type)
        => type.GetAttributes().Any(a => a.AttributeClass is { Name: "BusEventAttribute", ContainingNamespace: { Name: RuntimeAssemblyName, ContainingNamespace.IsGlobalNamespace: true } });

    // Only assemblies built against the runtime can declare [BusEvent] types.
    private static bool ReferencesRuntime(IAssemblySymbol assembly)
        => assembly.Modules.Any(m => m.ReferencedAssemblies.Any(r => r.Name == RuntimeAssemblyName));

    private static IEnumerable<INamedTypeSymbol> TypesOf(INamespaceSymbol root)
    {
        var pending = new Stack<INamespaceOrTypeSymbol>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            foreach (ISymbol member in pending.Pop().GetMembers())
            {
                if (member is INamespaceSymbol ns)
                {
                    pending.Push(ns);
                }
                else if (member is INamedTypeSymbol type)
                {
                    yield return type;
                    pending.Push(type);
                }
            }
        }
    }
}
