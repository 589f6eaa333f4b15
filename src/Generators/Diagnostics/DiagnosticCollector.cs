using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using GeneratedBus.Generators.Model;
using GeneratedBus.Generators.Planning;

namespace GeneratedBus.Generators.Diagnostics;

/// <summary>Gathers the parser's diagnostics and locates the planner's issues at their event or root.</summary>
internal static class DiagnosticCollector
{
    /// <summary>Every diagnostic for <paramref name="results"/> and <paramref name="unmarked"/>, in source order.</summary>
    public static EquatableArray<DiagnosticInfo> Collect(
        ImmutableArray<EventResult> results, ImmutableArray<UnmarkedHandledType> unmarked, ReferencedEvents? referenced = null)
    {
        referenced ??= ReferencedEvents.None;
        var infos = new List<DiagnosticInfo>(MissingBusEvents.Report(unmarked, results));
        var eventLocations = new Dictionary<string, DiagnosticLocation?>(System.StringComparer.Ordinal);
        var rootLocations = new Dictionary<string, DiagnosticLocation?>(System.StringComparer.Ordinal);
        var specs = new List<EventSpec>();
        var roots = new HashSet<string>(results.Where(r => r.Event is not null).Select(r => r.Event!.Root.MetadataName), System.StringComparer.Ordinal);
        foreach (EventResult result in results)
        {
            if (result.Diagnostic is not null)
            {
                infos.Add(result.RootlessMetadataName is { } name && roots.Contains(name)
                    ? DiagnosticInfo.Create(DiagnosticDescriptors.BusEventOnRoot, result.Location, result.Diagnostic.MessageArgs[0])
                    : result.Diagnostic);
            }

            infos.AddRange(result.CodecDiagnostics);

            if (result.Event is { } spec)
            {
                specs.Add(spec);
                // The first declaration wins, as it does in the planner.
                AddFirst(eventLocations, spec.TypeName, result.Location);
                AddFirst(rootLocations, spec.Root.MetadataName, result.RootLocation);
            }
        }

        infos.AddRange(referenced.Diagnostics);
        foreach (EventSpec spec in referenced.Events)
        {
            // A referenced event has no source here: its planner diagnostics (a handler name taken) point at its request.
            AddFirst(eventLocations, spec.TypeName, referenced.LocationOf(spec.Root.MetadataName));
        }

        foreach (BusRequest request in referenced.Requests)
        {
            if (!roots.Contains(request.RootMetadataName) && !referenced.Events.Any(e => e.Root.MetadataName == request.RootMetadataName))
            {
                infos.Add(DiagnosticInfo.Create(DiagnosticDescriptors.RequestWithoutEvents, request.Location, request.DisplayName));
            }

            // A requested root declared elsewhere has no location here: its diagnostics point at the request.
            AddFirst(rootLocations, request.RootMetadataName, request.Location);
        }

        specs.AddRange(referenced.Events);
        BusPlanner.Plan plan = BusPlanner.Create(specs, referenced: referenced);
        infos.AddRange(CodecNames.Clashes(plan.Buses, CodecNames.ByType(results, referenced), eventLocations));
        foreach (PlanIssue issue in plan.Issues)
        {
            DiagnosticLocation? location = issue.EventTypeName is { } eventType
                ? eventLocations[eventType]
                : rootLocations[issue.RootMetadataName];
            infos.Add(DiagnosticInfo.Create(issue.Descriptor, location, issue.Args));
        }

        // In source order, so the output does not depend on which stage found the problem.
        return EquatableArray<DiagnosticInfo>.From(infos
            .Distinct()
            .OrderBy(info => info.Location?.FilePath ?? string.Empty, System.StringComparer.Ordinal)
            .ThenBy(info => info.Location?.Span.Start ?? 0)
            .ThenBy(info => info.Descriptor.Id, System.StringComparer.Ordinal));
    }

    private static void AddFirst(Dictionary<string, DiagnosticLocation?> map, string key, DiagnosticLocation? value)
    {
        if (!map.ContainsKey(key))
        {
            map.Add(key, value);
        }
    }
}
