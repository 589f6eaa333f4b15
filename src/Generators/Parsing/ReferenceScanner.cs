using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using GeneratedBus.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace GeneratedBus.Generators.Parsing;

/// <summary>
/// Finds the [BusEvent] types of the referenced assemblies whose root a <c>[assembly: GenerateBus]</c> names. Events
/// from metadata have no syntax: everything comes from their symbols.
/// </summary>
/// <remarks>
/// Its inputs are the requested roots' names, the references and the assembly's name and strong name, never the compilation, so Roslyn
/// skips it on every source edit that leaves those equal: the walk over the references runs again only when a
/// reference or a requested root changes. It reads the references through a compilation of its own that has the same
/// references, assembly name and strong name (so InternalsVisibleTo and accessibility answer as they do in the real
/// one), and no
/// source: nothing it finds can depend on this project's files. Without a request it builds nothing at all.
/// </remarks>
internal static class ReferenceScanner
{
    private const string RuntimeAssemblyName = "GeneratedBus";

    /// <summary>The referenced events of <paramref name="roots"/>, ordered by assembly name then metadata name.</summary>
    public static EquatableArray<ScannedEvent> Scan(
        EquatableArray<RequestedRoot> roots, ImmutableArray<MetadataReference> references, ScanIdentity identity, CancellationToken cancellationToken)
    {
        if (roots.Count == 0)
        {
            return default;
        }

        // An empty name is no assembly name to Roslyn (it throws): a compilation without a name gets none here either.
        // The strong name too: InternalsVisibleTo naming a public key grants access only to an assembly with that key.
        string assemblyName = identity.AssemblyName;
        Compilation compilation = CSharpCompilation.Create(
            assemblyName.Length == 0 ? null : assemblyName, references: references, options: identity.ScanOptions());
        var found = new List<ScannedEvent>();
        foreach (IAssemblySymbol assembly in compilation.SourceModule.ReferencedAssemblySymbols
                     .Where(ReferencesRuntime)
                     .OrderBy(a => a.Identity.Name, System.StringComparer.Ordinal))
        {
            foreach (INamedTypeSymbol type in TypesOf(assembly.GlobalNamespace).OrderBy(SymbolNames.MetadataNameOf, System.StringComparer.Ordinal))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (HasBusEvent(type)
                    && RootResolver.Resolve(type).Root is { } root
                    && roots.FirstOrDefault(r => r.MetadataName == SymbolNames.MetadataNameOf(root) && r.Assembly == root.ContainingAssembly?.Identity.Name) is { } requested)
                {
                    found.Add(Describe(type, requested, compilation, assembly.Identity.Name));
                }
            }
        }

        return EquatableArray<ScannedEvent>.From(found);
    }

    private static ScannedEvent Describe(INamedTypeSymbol type, RequestedRoot root, Compilation compilation, string assemblyName)
    {
        string display = SymbolNames.ForDisplay(type);
        string typeName = SymbolNames.ForCode(type);
        // Internal to its library (or generic, which its library already reported): the bus here cannot name it.
        bool accessible = compilation.IsSymbolAccessibleWithin(type, compilation.Assembly) && !Visibility.IsGenericOrInGeneric(type);
        EquatableArray<string> docLines = new(DocComments.HandlerDocFor(type.GetDocumentationCommentXml(), typeName));
        // Ordered after this compilation's files by assembly, then metadata name: deterministic without syntax.
        string orderKey = "\uffff" + assemblyName + "/" + SymbolNames.MetadataNameOf(type);
        EventSpec spec = EventParser.CreateSpec(type, StandIn(root), display, typeName, orderKey, UsageWarnings.Of(type), docLines);
        (CodecEventSpec Spec, EquatableArray<DiagnosticInfo> Diagnostics)? codec = accessible && !type.IsAbstract
            ? CodecParser.Parse(type, compilation, eventLocation: null, typeName, display)
            : null;
        return new ScannedEvent(root, assemblyName, spec, accessible, codec?.Spec, codec?.Diagnostics ?? default);
    }

    // The root's model depends on this project's source (a type of a generated name, a global type hiding a namespace),
    // which the scan does not see: the join puts the request's model in its place.
    private static RootSpec StandIn(RequestedRoot root)
        => new(root.MetadataName, root.MetadataName, string.Empty, string.Empty, string.Empty, false, RootProblem.None, string.Empty, default, IsForeign: true);

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
