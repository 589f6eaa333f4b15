using System;
using System.Collections.Generic;
using System.Linq;
using GeneratedBus.Generators.Diagnostics;
using GeneratedBus.Generators.Model;

namespace GeneratedBus.Generators.Planning;

/// <summary>
/// Groups events into buses and settles the conflicts no single event can see: handler names taken twice, generated
/// type names taken by another bus, root problems. Both the emitting and the diagnostics pipelines call it, so they agree.
/// </summary>
/// <remarks>
/// Kind order is declaration order: files in ordinal path order, events in source order within a file; events of
/// referenced assemblies (GenerateBus) follow, by assembly name then metadata name. Buses are
/// ordered by their root's metadata name. All of it is linear in the number of events apart from the sorts.
/// </remarks>
internal static class BusPlanner
{
    /// <summary>The buses to emit and the issues to report.</summary>
    /// <param name="Buses">The buses, ordered by root metadata name.</param>
    /// <param name="Issues">The problems, in the same order.</param>
    public sealed record Plan(IReadOnlyList<BusSpec> Buses, IReadOnlyList<PlanIssue> Issues);

    /// <summary>Plans the buses for <paramref name="events"/>, given in compilation order, with their <paramref name="listeners"/>.</summary>
    /// <param name="events">The events.</param>
    /// <param name="listeners">The listener classes, for the interest filter.</param>
    /// <param name="referenced">The GenerateBus requests: a root from another assembly gets a bus only when requested.</param>
    public static Plan Create(IEnumerable<EventSpec> events, IEnumerable<ListenerSpec>? listeners = null, ReferencedEvents? referenced = null)
    {
        var buses = new List<BusSpec>();
        var issues = new List<PlanIssue>();
        var takenTypeNames = new Dictionary<string, string>(StringComparer.Ordinal);
        var hintNameCounts = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (List<EventSpec> group in GroupByRoot(events))
        {
            RootSpec root = group[0].Root;
            if (root.IsForeign && referenced?.IsRequested(root.MetadataName) != true)
            {
                // Two libraries with events of one foreign root would each generate its bus: only the requester does.
                issues.Add(new PlanIssue(DiagnosticDescriptors.ForeignRoot, root.MetadataName, null, [root.DisplayName, ForeignRootAdvice(root)]));
                continue;
            }

            if (root.Problem != RootProblem.None)
            {
                issues.Add(RootIssue(root));
                continue;
            }

            if (TakeTypeNames(root, takenTypeNames) is { } clash)
            {
                issues.Add(clash);
                continue;
            }

            hintNameCounts.TryGetValue(root.MetadataName, out int seen);
            hintNameCounts[root.MetadataName] = seen + 1;
            EquatableArray<EventSpec> kept = EquatableArray<EventSpec>.From(KeepDistinctHandlers(root, group, issues));
            buses.Add(new BusSpec(root, kept, HintNames.For(root.MetadataName, seen + 1), default));
        }

        return new Plan(ListenerPlacement.Place(buses, listeners), issues);
    }

    // GB0021's advice: request the bus where every library is referenced, unless a referenced assembly generated it
    // already (its own, or a library with its own GenerateBus): then a request would be GB0023, and that bus, compiled
    // there, can never hold events declared here.
    private static string ForeignRootAdvice(RootSpec root) => root.Problem == RootProblem.BusAlreadyGenerated
        ? $"'{root.ProblemDetail}' already holds its bus '{root.GeneratedPrefix.Substring("global::".Length) + root.BusTypeName}', which cannot include events declared here: declare these events in '{root.ProblemDetail}', or stop '{root.ProblemDetail}' generating that bus (move its events of '{root.DisplayName}' into a library, or remove its GenerateBus) and put [assembly: GenerateBus(typeof({root.DisplayName}))] in the project that references every library with events of '{root.DisplayName}'"
        : $"the bus is generated where [assembly: GenerateBus(typeof({root.DisplayName}))] is declared: put it in the project that references every library with events of '{root.DisplayName}' (usually the app), or declare these events in the root's own assembly";

    // One list per root, roots in ordinal order; each list in declaration order without repeats (partial declarations).
    private static IEnumerable<List<EventSpec>> GroupByRoot(IEnumerable<EventSpec> events)
    {
        var groups = new Dictionary<string, List<EventSpec>>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (EventSpec spec in events.OrderBy(e => e.FilePath, StringComparer.Ordinal))
        {
            if (!seen.Add(spec.TypeName))
            {
                continue;
            }

            if (!groups.TryGetValue(spec.Root.MetadataName, out List<EventSpec>? group))
            {
                groups.Add(spec.Root.MetadataName, group = new List<EventSpec>());
            }

            group.Add(spec);
        }

        return groups.OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Value);
    }

    private static PlanIssue RootIssue(RootSpec root) => root.Problem switch
    {
        RootProblem.Inaccessible => new(DiagnosticDescriptors.InaccessibleRoot, root.MetadataName, null, [root.DisplayName]),
        RootProblem.Generic => new(DiagnosticDescriptors.GenericRoot, root.MetadataName, null, [root.DisplayName]),
        RootProblem.StaticAbstractMembers => new(DiagnosticDescriptors.StaticAbstractRoot, root.MetadataName, null, [root.DisplayName]),
        RootProblem.InvalidBusName => new(DiagnosticDescriptors.InvalidBusName, root.MetadataName, null, [root.ProblemDetail, root.DisplayName]),
        RootProblem.HiddenNamespace => new(DiagnosticDescriptors.HiddenNamespace, root.MetadataName, null, [root.ProblemDetail, root.DisplayName]),
        RootProblem.RuntimeMissing => new(DiagnosticDescriptors.RuntimeMissing, root.MetadataName, null, [root.DisplayName, root.ProblemDetail]),
        // Renaming does not help here: the bus name comes from the root, and the other bus is of this very root.
        RootProblem.BusAlreadyGenerated => new(DiagnosticDescriptors.RequestedBusExists, root.MetadataName, null, [root.DisplayName, root.GeneratedPrefix.Substring("global::".Length) + root.BusTypeName, root.ProblemDetail]),
        _ => new(DiagnosticDescriptors.TypeNameClash, root.MetadataName, null, [root.ProblemDetail, root.DisplayName, "an existing type or namespace of that name"]),
    };

    // Claims the root's generated names in its namespace, unless an earlier bus holds one of them.
    private static PlanIssue? TakeTypeNames(RootSpec root, Dictionary<string, string> taken)
    {
        string[] names = GeneratedNames.All(root.BusName);
        foreach (string name in names)
        {
            if (taken.TryGetValue(root.GeneratedPrefix + name, out string? owner))
            {
                return new PlanIssue(DiagnosticDescriptors.TypeNameClash, root.MetadataName, null, [name, root.DisplayName, $"the type generated for root '{owner}'"]);
            }
        }

        foreach (string name in names)
        {
            taken.Add(root.GeneratedPrefix + name, root.DisplayName);
        }

        return null;
    }

    // Keeps the first event per handler name; later ones, and names the generated code needs itself, are reported.
    private static List<EventSpec> KeepDistinctHandlers(RootSpec root, List<EventSpec> group, List<PlanIssue> issues)
    {
        var reserved = new HashSet<string>(StringComparer.Ordinal)
        {
            GeneratedNames.OtherHandler,
            GeneratedNames.FirehoseHandler,
            "On" + GeneratedNames.OtherKind,
            // A member may not share its enclosing type's name (CS0542).
            "On" + root.KindName,
            root.ListenerInterfaceName,
            root.ListenerName,
            root.FirehoseListenerName,
            // The compiler's own field of every enum.
            "Onvalue__",
        };
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        var kept = new List<EventSpec>(group.Count);
        foreach (EventSpec spec in group)
        {
            string? why = reserved.Contains(spec.HandlerName) ? "the generated code needs itself"
                : owners.TryGetValue(spec.HandlerName, out string? owner) ? $"'{owner}' already maps to"
                : null;
            if (why is not null)
            {
                issues.Add(new PlanIssue(DiagnosticDescriptors.HandlerClash, root.MetadataName, spec.TypeName, [spec.DisplayName, spec.HandlerName, why]));
                continue;
            }

            owners.Add(spec.HandlerName, spec.DisplayName);
            kept.Add(spec);
        }

        return kept;
    }
}
