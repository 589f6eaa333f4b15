using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using GeneratedBus.Generators.Model;

namespace GeneratedBus.Generators.Planning;

/// <summary>Pairs each planned bus with its events' codec models: a bus's codec covers exactly the events of its bus.</summary>
internal static class CodecPlanner
{
    /// <summary>One codec per bus in <paramref name="buses"/>.</summary>
    public static IEnumerable<CodecBusSpec> Plan(ImmutableArray<BusSpec> buses, ImmutableArray<CodecEventSpec> codecs)
    {
        var byType = new Dictionary<string, CodecEventSpec>(System.StringComparer.Ordinal);
        foreach (CodecEventSpec codec in codecs)
        {
            // Partial declarations parse once each; they agree, so the first is kept.
            if (!byType.ContainsKey(codec.TypeName))
            {
                byType.Add(codec.TypeName, codec);
            }
        }

        foreach (BusSpec bus in buses)
        {
            // Deeper types first, as the bus's own type switch tests them, so no case hides a subclass's.
            EventSpec[] written = bus.Events
                .OrderByDescending(e => e.Depth)
                .Where(e => byType.ContainsKey(e.TypeName))
                .ToArray();
            CodecEventSpec[] events = written.Select(e => byType[e.TypeName]).ToArray();
            string[] suppressed = bus.Root.SuppressedWarnings.Concat(bus.Events.SelectMany(e => e.SuppressedWarnings))
                .Concat(events.SelectMany(e => e.SuppressedWarnings))
                .Distinct()
                .OrderBy(id => id, System.StringComparer.Ordinal)
                .ToArray();
            var claimed = new Dictionary<string, string>(System.StringComparer.Ordinal);
            CodecReadName[] readOrder = bus.Events
                .Select(e => byType.TryGetValue(e.TypeName, out CodecEventSpec? codec) ? codec : null)
                .OfType<CodecEventSpec>()
                .Select(codec => new CodecReadName(codec.TypeName, EquatableArray<string>.From(CodecNames.Claim(codec, claimed))))
                .ToArray();
            yield return new CodecBusSpec(
                bus.Root,
                new EquatableArray<CodecEventSpec>(events),
                new EquatableArray<string>(written.Select(e => e.KindName).ToArray()),
                !KindLookup.UsesTypeSwitch(bus.Events.Count),
                new EquatableArray<CodecReadName>(readOrder),
                new EquatableArray<string>(suppressed),
                HintNameOf(bus.HintName));
        }
    }

    // Acme.Scheduling.SchedulerEvent.Bus.g.cs -> Acme.Scheduling.SchedulerEvent.JsonCodec.g.cs, unique as the bus's is.
    private static string HintNameOf(string busHintName)
        => busHintName.Substring(0, busHintName.Length - ".Bus.g.cs".Length) + ".JsonCodec.g.cs";
}
