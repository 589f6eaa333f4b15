using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using GeneratedBus.Generators.Model;

namespace GeneratedBus.Generators.Diagnostics;

/// <summary>GB0017 for the handler overrides of unmarked types whose root has a bus in this compilation.</summary>
internal static class MissingBusEvents
{
    /// <summary>One diagnostic per such override, in source order.</summary>
    public static EquatableArray<DiagnosticInfo> Report(ImmutableArray<UnmarkedHandledType> overrides, ImmutableArray<EventResult> events)
    {
        if (overrides.IsEmpty)
        {
            return EquatableArray<DiagnosticInfo>.From([]);
        }

        var roots = new HashSet<string>(events.Where(e => e.Event is not null).Select(e => e.Event!.Root.MetadataName), System.StringComparer.Ordinal);
        return EquatableArray<DiagnosticInfo>.From(overrides
            .Where(o => roots.Contains(o.RootMetadataName))
            .Select(o => DiagnosticInfo.Create(DiagnosticDescriptors.MissingBusEvent, o.Location, o.DisplayName, o.RootDisplayName, o.Handler))
            .Distinct()
            .OrderBy(info => info.Location?.FilePath ?? string.Empty, System.StringComparer.Ordinal)
            .ThenBy(info => info.Location?.Span.Start ?? 0));
    }
}
