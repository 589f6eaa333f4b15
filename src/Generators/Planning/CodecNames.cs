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

    /// <summary>The codec model and display name of every event, from source and from references, by type name.</summary>
    public static Dictionary<string, (CodecEventSpec Codec, string Display)> ByType(ImmutableArray<EventResult> results, ReferencedEvents referenced)
    {
        var codecs = new Dictionary<string, (CodecEventSpec Codec, string Display)>(System.StringComparer.Ordinal);
        foreach (EventResult result in results)
        {
            if (result is { Codec: { } codec, Event: { } spec } && !codecs.ContainsKey(codec.TypeName))
            {
                codecs.Add(codec.TypeName, (codec, spec.DisplayName));
            }
        }

        var displays = new Dictionary<string, string>(System.StringComparer.Ordinal);
        foreach (EventSpec spec in referenced.Events)
        {
            displays[spec.TypeName] = spec.DisplayName;
        }

        foreach (CodecEventSpec codec in referenced.Codecs)
        {
            if (!codecs.ContainsKey(codec.TypeName) && displays.TryGetValue(codec.TypeName, out string? display))
            {
                codecs.Add(codec.TypeName, (codec, display));
            }
        }

        return codecs;
    }

    /// <summary>A diagnostic for each name an event gives up to an earlier event of its bus.</summary>
    /// <param name="buses">The planned buses.</param>
    /// <param name="codecs">The events' codec models and display names (<see cref="ByType"/>).</param>
    /// <param name="locations">Where each event's diagnostics point: its name, or the request of a referenced one.</param>
    public static IEnumerable<DiagnosticInfo> Clashes(
        IReadOnlyList<BusSpec> buses, Dictionary<string, (CodecEventSpec Codec, string Display)> codecs, Dictionary<string, DiagnosticLocation?> locations)
    {
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
