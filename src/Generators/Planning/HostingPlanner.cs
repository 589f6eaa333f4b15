using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using GeneratedBus.Generators.Model;

namespace GeneratedBus.Generators.Planning;

/// <summary>Decides which buses get a hosting file (all of them, when the compilation references GeneratedBus.Hosting) and names their classes.</summary>
internal static class HostingPlanner
{
    /// <summary>The assembly whose reference switches the hosting files on.</summary>
    public const string HostingAssembly = "GeneratedBus.Hosting";

    private const string BusSuffix = ".Bus.g.cs";

    /// <summary>One hosting file per bus, in the buses' order; none when the hosting package is not referenced.</summary>
    public static EquatableArray<HostingSpec> Plan(ImmutableArray<BusSpec> buses, bool hostingReferenced)
    {
        if (!hostingReferenced || buses.IsDefaultOrEmpty)
        {
            return default;
        }

        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (BusSpec bus in buses)
        {
            counts[bus.Root.BusName] = counts.TryGetValue(bus.Root.BusName, out int count) ? count + 1 : 1;
        }

        return EquatableArray<HostingSpec>.From(buses.Select(bus => new HostingSpec(
            bus.Root,
            bus.Events,
            counts[bus.Root.BusName] == 1 ? bus.Root.BusTypeName : bus.Root.BusTypeName + "_" + NamespaceStem(bus.Root.Namespace),
            HintName(bus.HintName))));
    }

    // "Acme.@class" -> "Acme_class"; the global namespace -> "global".
    private static string NamespaceStem(string ns) => ns.Length == 0 ? "global" : ns.Replace("@", "").Replace('.', '_');

    private static string HintName(string busHintName) =>
        (busHintName.EndsWith(BusSuffix, StringComparison.Ordinal)
            ? busHintName.Substring(0, busHintName.Length - BusSuffix.Length)
            : busHintName) + ".Hosting.g.cs";
}
