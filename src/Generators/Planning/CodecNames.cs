using System.Collections.Generic;
using System.Collections.Immutable;
using GeneratedBus.Generators.Diagnostics;
using GeneratedBus.Generators.Model;

namespace GeneratedBus.Generators.Planning;

/// <summary>
/// Which event of a bus the codec reads each name as: the first in kind order to claim it, by its [BusEvent] name or an
/// alias. The emitter and the diagnostics both ask here, so a clash reported is the clash the reader resolves.
/// </summary>
internal static class CodecNames
{
    /// <summary>The names <paramref name="codec"/> keeps, given those earlier events claimed; claims them.</summary>
    public static List<string> Claim(CodecEventSpec codec, Dictionary<string, string> claimed)
    {
        var kept = new List<string>();
        foreach (string name in Names(codec))
        {
            if (!claimed.ContainsKey(name))
            {
                claimed.Add(name, codec.TypeName);
                kept.Add(name);
            }
        }

        return kept;
    }

    /// <summary>A diagnostic for each name an event gives up to an earlier event of its bus.</summary>
    public static IEnumerable<DiagnosticInfo> Clashes(
        IReadOnlyList<BusSpec> buses, ImmutableArray<EventResult> results, Dictionary<string, DiagnosticLocation?> locations)
    {
        var codecs = new Dictionary<string, (CodecEventSpec Codec, string Display)>(System.StringComparer.Ordinal);
        foreach (EventResult result in results)
        {
            if (result is { Codec: { } codec, Event: { } spec } && !codecs.ContainsKey(codec.TypeName))
            {
                codecs.Add(codec.TypeName, (codec, spec.DisplayName));
            }
        }

        foreach (BusSpec bus in buses)
        {
            var claimed = new Dictionary<string, string>(System.StringComparer.Ordinal);
            foreach (EventSpec spec in bus.Events)
            {
                if (!codecs.TryGetValue(spec.TypeName, out var entry))
                {
                    continue;
                }

                foreach (string name in Names(entry.Codec))
                {
                    if (claimed.TryGetValue(name, out string? owner) && owner != spec.TypeName)
                    {
                        yield return DiagnosticInfo.Create(DiagnosticDescriptors.CodecNameTaken, locations[spec.TypeName], entry.Display, name, codecs[owner].Display);
                    }
                    else if (owner is null)
                    {
                        claimed.Add(name, spec.TypeName);
                    }
                }
            }
        }
    }

    private static IEnumerable<string> Names(CodecEventSpec codec)
    {
        yield return codec.WrittenName;
        foreach (string alias in codec.Aliases)
        {
            yield return alias;
        }
    }
}
