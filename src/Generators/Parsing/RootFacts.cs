using System.Collections.Concurrent;
using System.Linq;
using System.Runtime.CompilerServices;
using GeneratedBus.Generators.Model;
using Microsoft.CodeAnalysis;

namespace GeneratedBus.Generators.Parsing;

/// <summary>What the parser needs of a root, worked out once per root and compilation.</summary>
/// <remarks>
/// Roslyn re-runs every event's parse on each compilation change, and the events of a bus share one root: without
/// this, a 1000-event bus described its root 1000 times per keystroke. Keyed weakly by the compilation, an entry
/// lives exactly as long as the symbols it was made from, and never outlives them into the incremental cache.
/// </remarks>
/// <param name="Usage">What referring to the root costs.</param>
/// <param name="Spec">The root's model.</param>
/// <param name="Location">The root's name in this compilation's source, if it is declared there.</param>
internal sealed record RootFacts(UsageWarnings.Usage Usage, RootSpec Spec, DiagnosticLocation? Location)
{
    private static readonly ConditionalWeakTable<Compilation, ConcurrentDictionary<INamedTypeSymbol, RootFacts>> s_byCompilation = new();

    /// <summary>The facts of <paramref name="root"/> as seen from <paramref name="compilation"/>.</summary>
    public static RootFacts Of(INamedTypeSymbol root, Compilation compilation)
    {
        ConcurrentDictionary<INamedTypeSymbol, RootFacts> roots = s_byCompilation.GetValue(
            compilation,
            static _ => new ConcurrentDictionary<INamedTypeSymbol, RootFacts>(SymbolEqualityComparer.Default));
        if (!roots.TryGetValue(root, out RootFacts? facts))
        {
            facts = roots.GetOrAdd(root, Describe(root, compilation));
        }

        return facts;
    }

    private static RootFacts Describe(INamedTypeSymbol root, Compilation compilation)
    {
        UsageWarnings.Usage usage = UsageWarnings.Of(root);
        // A root from a project reference has source locations too, in the other project's files: those do not count.
        DiagnosticLocation? location = DiagnosticLocation.From(
            root.Locations.FirstOrDefault(l => l.IsInSource && compilation.ContainsSyntaxTree(l.SourceTree!)));
        return new RootFacts(usage, RootParser.Parse(root, usage, compilation), location);
    }
}
