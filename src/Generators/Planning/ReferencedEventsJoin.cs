using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using GeneratedBus.Generators.Diagnostics;
using GeneratedBus.Generators.Model;

namespace GeneratedBus.Generators.Planning;

/// <summary>
/// Joins what the reference scan found with the requests of this compilation's source: each referenced event gets the
/// request's model of its root, and its problems point at the request, the one place in this project they can point.
/// </summary>
internal static class ReferencedEventsJoin
{
    /// <summary>The referenced events of <paramref name="requests"/>, from <paramref name="scanned"/>.</summary>
    public static ReferencedEvents Join(EquatableArray<BusRequest> requests, EquatableArray<ScannedEvent> scanned)
    {
        if (requests.Count == 0)
        {
            return ReferencedEvents.None;
        }

        var events = new List<EventSpec>();
        var codecs = new List<CodecEventSpec>();
        var diagnostics = new List<DiagnosticInfo>();
        foreach (ScannedEvent found in scanned)
        {
            // The first request of a root speaks for it, as the planner keeps the first declaration. The scan only finds
            // events of roots these very requests name (its input is made from them), so one always matches.
            BusRequest? request = requests.FirstOrDefault(r => r.RootMetadataName == found.Root.MetadataName && r.RootAssembly == found.Root.Assembly);
            Debug.Assert(request is not null, $"The scan found '{found.Event.DisplayName}' for '{found.Root.MetadataName}', which no request names.");
            if (request is null)
            {
                continue;
            }

            RootSpec root = request.Root;
            if (!found.IsAccessible)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.EventLessAccessible, request.Location, found.Event.DisplayName, root.IsPublic ? "public" : "internal", root.DisplayName));
                continue;
            }

            events.Add(found.Event with { Root = root });
            if (found.Codec is { } codec && root.Problem == RootProblem.None)
            {
                codecs.Add(codec);
                // The codec is generated here, so what it cannot handle is reported here: at the request, since the
                // event's source is another project's. The message names the event or nested type and the member.
                diagnostics.AddRange(found.CodecDiagnostics.Select(info => info with { Location = request.Location }));
            }
        }

        return new ReferencedEvents(requests, EquatableArray<EventSpec>.From(events), EquatableArray<CodecEventSpec>.From(codecs), EquatableArray<DiagnosticInfo>.From(diagnostics));
    }
}
