using System.Linq;
using GeneratedBus.Generators.Diagnostics;
using GeneratedBus.Generators.Emitting;
using GeneratedBus.Generators.Model;
using GeneratedBus.Generators.Parsing;
using GeneratedBus.Generators.Planning;
using Microsoft.CodeAnalysis;

namespace GeneratedBus.Generators;

/// <summary>Writes the listener interface, no-op base, firehose base, dispatcher, typed bus and JSON codec for [BusEvent] records.</summary>
/// <remarks>
/// The semantic parse of each event re-runs on every compilation change (Roslyn rebinds it), so it does only what
/// needs the compilation; everything after it, from rendering the handler doc on, re-runs only for changed events.
/// Two pipelines share the parsed events. The emitting one carries no locations, so edits that only move code leave
/// it cached; the diagnostics one carries them and is cheap to redo. Only the diagnostics one meets the compilation,
/// at its end, to put each location in its syntax tree so that <c>#pragma warning disable</c> can reach it.
/// </remarks>
[Generator(LanguageNames.CSharp)]
public sealed class BusGenerator : IIncrementalGenerator
{
    /// <summary>The attribute that marks an event.</summary>
    public const string BusEventAttributeName = "GeneratedBus.BusEventAttribute";

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValuesProvider<EventResult> events = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                BusEventAttributeName,
                static (node, _) => EventParser.IsCandidate(node),
                static (context, cancellationToken) => EventParser.Parse(context, cancellationToken))
            .Where(static parsed => parsed is not null)
            .Select(static (parsed, _) => parsed!)
            .WithTrackingName(TrackingNames.ParsedEvents)
            // Re-runs only for a parse that changed, not on every compilation change as the parse itself does.
            .Select(static (parsed, _) => EventParser.RenderDoc(parsed))
            .WithTrackingName(TrackingNames.Events);

        IncrementalValuesProvider<BusSpec> buses = events
            .Where(static result => result.Event is not null)
            .Select(static (result, _) => result.Event!)
            .WithTrackingName(TrackingNames.EventSpecs)
            .Collect()
            .WithTrackingName(TrackingNames.AllEventSpecs)
            .SelectMany(static (specs, _) => BusPlanner.Create(specs).Buses)
            .WithTrackingName(TrackingNames.Buses);

        context.RegisterSourceOutput(buses, static (output, bus) => output.AddSource(bus.HintName, BusEmitter.Emit(bus)));

        // The JSON codec, in a file of its own per bus. Its models carry no locations, so moving code leaves it cached.
        IncrementalValuesProvider<CodecBusSpec> codecs = buses
            .Collect()
            .Combine(events
                .Where(static result => result.Codec is not null)
                .Select(static (result, _) => result.Codec!)
                .WithTrackingName(TrackingNames.CodecEvents)
                .Collect())
            .SelectMany(static (pair, _) => CodecPlanner.Plan(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.Codecs);

        context.RegisterSourceOutput(codecs, static (output, codec) => output.AddSource(codec.HintName, CodecEmitter.Emit(codec)));

        // The hosting registration (services.Add{Bus}Bus, healthChecks.Add{Bus}BusCheck), only where the package is referenced.
        IncrementalValueProvider<bool> hostingReferenced = context.MetadataReferencesProvider
            .Collect()
            .Select(static (references, _) => references.Any(HostingReference.IsHosting))
            .WithTrackingName(TrackingNames.HostingReferenced);

        IncrementalValuesProvider<HostingSpec> hostingBuses = buses
            .Collect()
            .Combine(hostingReferenced)
            .SelectMany(static (pair, _) => HostingPlanner.Plan(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.HostingBuses);

        context.RegisterSourceOutput(hostingBuses, static (output, spec) => output.AddSource(spec.HintName, HostingEmitter.Emit(spec)));

        IncrementalValueProvider<EquatableArray<DiagnosticInfo>> diagnostics = events
            .Collect()
            .Select(static (results, _) => DiagnosticCollector.Collect(results))
            .WithTrackingName(TrackingNames.Diagnostics);

        // Only this branch sees the compilation: a diagnostic located in a syntax tree is one that #pragma warning and a
        // per-file .editorconfig severity can reach. The step re-runs on every compilation change, but it only maps the
        // few files with a diagnostic to their trees, and its result stays equal (so the output stays cached) until one
        // of those files changes. It holds trees, so it is not among the tracked, Roslyn-free steps.
        IncrementalValueProvider<EquatableArray<Diagnostic>> located = diagnostics
            .Combine(context.CompilationProvider)
            .Select(static (pair, _) => DiagnosticLocator.Locate(pair.Left, pair.Right));

        context.RegisterSourceOutput(located, static (output, located) =>
        {
            foreach (Diagnostic diagnostic in located)
            {
                output.ReportDiagnostic(diagnostic);
            }
        });
    }
}
