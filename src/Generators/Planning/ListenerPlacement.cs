using System;
using System.Collections.Generic;
using System.Linq;
using GeneratedBus.Generators.Model;

namespace GeneratedBus.Generators.Planning;

/// <summary>
/// Gives each listener to the bus whose no-op base it derives from. The base is known by its simple name only, so
/// where buses of one name live in several namespaces the listener's own namespace decides (the nearest enclosing
/// one), and a listener still in doubt goes to no bus: it then gets every event, which is always safe.
/// </summary>
internal static class ListenerPlacement
{
    /// <summary><paramref name="buses"/>, each with its listeners.</summary>
    public static List<BusSpec> Place(List<BusSpec> buses, IEnumerable<ListenerSpec>? listeners)
    {
        if (listeners is null)
        {
            return buses;
        }

        var byBus = new Dictionary<BusSpec, SortedDictionary<string, ListenerSpec>>(ReferenceEqualityComparer.Instance);
        foreach (ListenerSpec listener in listeners)
        {
            if (BusOf(buses, listener) is { } bus)
            {
                if (!byBus.TryGetValue(bus, out SortedDictionary<string, ListenerSpec>? placed))
                {
                    byBus.Add(bus, placed = new SortedDictionary<string, ListenerSpec>(StringComparer.Ordinal));
                }

                // Partial declarations give the same listener more than once.
                placed[listener.TypeName] = listener;
            }
        }

        return buses.Select(bus => byBus.TryGetValue(bus, out SortedDictionary<string, ListenerSpec>? placed)
            ? bus with { Listeners = EquatableArray<ListenerSpec>.From(placed.Values) }
            : bus).ToList();
    }

    private static BusSpec? BusOf(List<BusSpec> buses, ListenerSpec listener)
    {
        BusSpec[] named = buses.Where(b => b.Root.ListenerName == listener.BaseName).ToArray();
        if (named.Length <= 1)
        {
            return named.FirstOrDefault();
        }

        BusSpec[] enclosing = named
            .Where(b => b.Root.Namespace.Length == 0 || listener.Namespace == b.Root.Namespace || listener.Namespace.StartsWith(b.Root.Namespace + ".", StringComparison.Ordinal))
            .OrderByDescending(b => b.Root.Namespace.Length)
            .ToArray();
        return enclosing.Length == 1 || (enclosing.Length > 1 && enclosing[0].Root.Namespace.Length > enclosing[1].Root.Namespace.Length)
            ? enclosing[0]
            : null;
    }

    private sealed class ReferenceEqualityComparer : IEqualityComparer<BusSpec>
    {
        public static readonly ReferenceEqualityComparer Instance = new();

        public bool Equals(BusSpec? x, BusSpec? y) => ReferenceEquals(x, y);

        public int GetHashCode(BusSpec obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
    }
}
