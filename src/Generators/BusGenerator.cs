using System.Collections.Immutable;
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
/// at its end, to put each location in its syntax tree so that <c>#pragma warning disable</c> can reach it; the
/// GenerateBus branch reads just the compilation's assembly name from it, and walks the references only when they change.
/// </remarks>
[Generator(LanguageNames.CSharp)]
public sealed class BusGenerator : IIncrementalGenerator
{
    /// <summary>The attribute that marks an event.</summary>
    public const string BusEventAttributeName = "GeneratedBus.BusEventAttribute";

    private readonly bool _plainEventsBySyntax;

    /// <summary>Creates the generator.</summary>
    public BusGenerator()
        : this(plainEventsBySyntax: true)
    {
    }

    /// <summary>Creates the generator, with or without the syntax path for plainly marked events (<see cref="PlainEventSyntax"/>).</summary>
    /// <param name="plainEventsBySyntax">
    /// Whether plainly marked events are found by syntax and parsed without binding each one's attributes; without it,
    /// every event takes the attribute path, which the tests compare against.
    /// </param>
    internal BusGenerator(bool plainEventsBySyntax) => _plainEventsBySyntax = plainEventsBySyntax;

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValuesProvider<EventResult> events = RegisterParsedEvents(context)
            .WithTrackingName(TrackingNames.ParsedEvents)
            // Re-runs only for a parse that changed, not on every compilation change as the parse itself does.
            .Select(static (parsed, _) => EventParser.RenderDoc(parsed))
            .WithTrackingName(TrackingNames.Events);

        // Listener classes and the handlers they override, for the queues' interest filter: a syntax filter that passes
        // only classes with a base list and an override named On…, then one symbol each.
        IncrementalValuesProvider<ListenerSpec> listeners = context.SyntaxProvider
            .CreateSyntaxProvider(
                static (node, _) => ListenerParser.IsCandidate(node),
                static (context, cancellationToken) => ListenerParser.Parse(context, cancellationToken))
            .Where(static found => found is not null)
            .Select(static (found, _) => found!)
            .WithTrackingName(TrackingNames.Listeners);

        // One collection of the references, for the reference scan and the hosting check alike.
        IncrementalValueProvider<Boxed<ImmutableArray<MetadataReference>>> references = context.MetadataReferencesProvider.CollectBoxed();
        IncrementalValueProvider<ReferencedEvents> referenced = RegisterReferencedEvents(context, references);

        // Every Collect and Combine below hands on a reference type (ReferencePipeline): a cold build compiles Roslyn's
        // pipeline code afresh for each struct or tuple type a step carries, and that was most of this generator's time.
        IncrementalValuesProvider<BusSpec> buses = events
            .Where(static result => result.Event is not null)
            .Select(static (result, _) => result.Event!)
            .WithTrackingName(TrackingNames.EventSpecs)
            .Collect()
            .WithTrackingName(TrackingNames.AllEventSpecs)
            .Select(static (specs, _) => new Boxed<ImmutableArray<EventSpec>>(specs))
            .Pair(listeners.CollectBoxed())
            .Pair(referenced)
            .SelectMany(static (input, _) => BusPlanner.Create(input.Left.Left.Value.Concat(input.Right.Events), input.Left.Right.Value, input.Right).Buses)
            .WithTrackingName(TrackingNames.Buses);

        context.RegisterSourceOutput(buses, static (output, bus) => output.AddSource(bus.HintName, BusEmitter.Emit(bus)));

        IncrementalValueProvider<Boxed<ImmutableArray<BusSpec>>> allBuses = buses.CollectBoxed();

        // The JSON codec, in a file of its own per bus. Its models carry no locations, so moving code leaves it cached.
        IncrementalValuesProvider<CodecBusSpec> codecs = allBuses
            .Pair(events
                .Where(static result => result.Codec is not null)
                .Select(static (result, _) => result.Codec!)
                .WithTrackingName(TrackingNames.CodecEvents)
                .CollectBoxed()
                .Pair(referenced))
            .SelectMany(static (input, _) => CodecPlanner.Plan(input.Left.Value, input.Right.Left.Value.AddRange(input.Right.Right.Codecs)))
            .WithTrackingName(TrackingNames.Codecs);

        context.RegisterSourceOutput(codecs, static (output, codec) => output.AddSource(codec.HintName, CodecEmitter.Emit(codec)));

        // The hosting registration (services.Add{Bus}Bus, healthChecks.Add{Bus}BusCheck), only where the package is referenced.
        IncrementalValueProvider<Boxed<bool>> hostingReferenced = references
            .Select(static (references, _) => new Boxed<bool>(references.Value.Any(HostingReference.IsHosting)))
            .WithTrackingName(TrackingNames.HostingReferenced);

        IncrementalValuesProvider<HostingSpec> hostingBuses = allBuses
            .Pair(hostingReferenced)
            .SelectMany(static (input, _) => HostingPlanner.Plan(input.Left.Value, input.Right.Value))
            .WithTrackingName(TrackingNames.HostingBuses);

        context.RegisterSourceOutput(hostingBuses, static (output, spec) => output.AddSource(spec.HintName, HostingEmitter.Emit(spec)));

        // Handler overrides of types that lack [BusEvent] (GB0017): a syntax filter that passes only override methods
        // named On… with one parameter, then one type binding each, so it costs little on every keystroke.
        IncrementalValuesProvider<UnmarkedHandledType> unmarked = context.SyntaxProvider
            .CreateSyntaxProvider(
                static (node, _) => HandlerOverrides.IsCandidate(node),
                static (context, cancellationToken) => HandlerOverrides.Parse(context, cancellationToken))
            .Where(static found => found is not null)
            .Select(static (found, _) => found!)
            .WithTrackingName(TrackingNames.UnmarkedHandledTypes);

        IncrementalValueProvider<Boxed<EquatableArray<DiagnosticInfo>>> diagnostics = events
            .CollectBoxed()
            .Pair(unmarked.CollectBoxed())
            .Pair(referenced)
            .Select(static (input, _) => new Boxed<EquatableArray<DiagnosticInfo>>(DiagnosticCollector.Collect(input.Left.Left.Value, input.Left.Right.Value, input.Right)))
            .WithTrackingName(TrackingNames.Diagnostics);

        // Only this branch sees the compilation: a diagnostic located in a syntax tree is one that #pragma warning and a
        // per-file .editorconfig severity can reach. The step re-runs on every compilation change, but it only maps the
        // few files with a diagnostic to their trees, and its result stays equal (so the output stays cached) until one
        // of those files changes. It holds trees, so it is not among the tracked, Roslyn-free steps.
        context.RegisterSourceOutput(Locate(context, diagnostics), ReportAll);

        RegisterAsyncVoidCheck(context, allBuses);
    }

    // The [BusEvent] declarations of this compilation, parsed. Most events are plainly marked (PlainEventSyntax): those
    // are found by syntax and bind their mark once per scope, where ForAttributeWithMetadataName would bind every
    // attribute of every event, most of a cold build's time on a large bus. The attribute path takes the rest.
    private IncrementalValuesProvider<ParsedEvent> RegisterParsedEvents(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValuesProvider<ParsedEvent> markedOtherwise = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                BusEventAttributeName,
                _plainEventsBySyntax
                    ? static (node, _) => EventParser.IsCandidate(node) && !PlainEventSyntax.Qualifies(node)
                    : static (node, _) => EventParser.IsCandidate(node),
                static (context, cancellationToken) => EventParser.Parse(context, cancellationToken))
            .Where(static parsed => parsed is not null)
            .Select(static (parsed, _) => parsed!);
        if (!_plainEventsBySyntax)
        {
            return markedOtherwise;
        }

        IncrementalValuesProvider<ParsedEvent> plainlyMarked = context.SyntaxProvider
            .CreateSyntaxProvider(
                static (node, _) => PlainEventSyntax.Qualifies(node),
                static (context, cancellationToken) => PlainEventParser.Parse(context, cancellationToken))
            .Where(static parsed => parsed is not null)
            .Select(static (parsed, _) => parsed!);
        return plainlyMarked.CollectBoxed()
            .Pair(markedOtherwise.CollectBoxed())
            .SelectMany(static (both, _) => ParsedEventOrder.Merge(both.Left.Value, both.Right.Value));
    }

    // [assembly: GenerateBus(typeof(Root))] and the referenced [BusEvent] types it covers. The requests are found by
    // syntax, so only files with the attribute are bound again on an edit. The walk over the references sees only the
    // requested roots' names, the references and the assembly's name and strong name: a source edit leaves them equal,
    // so it stays cached.
    private static IncrementalValueProvider<ReferencedEvents> RegisterReferencedEvents(
        IncrementalGeneratorInitializationContext context, IncrementalValueProvider<Boxed<ImmutableArray<MetadataReference>>> references)
    {
        IncrementalValueProvider<Boxed<EquatableArray<BusRequest>>> requests = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                GenerateBusParser.AttributeName,
                static (node, _) => GenerateBusParser.IsCandidate(node),
                static (context, cancellationToken) => new Boxed<EquatableArray<BusRequest>>(GenerateBusParser.Parse(context, cancellationToken)))
            .Collect()
            .Select(static (perFile, _) => new Boxed<EquatableArray<BusRequest>>(EquatableArray<BusRequest>.From(perFile.SelectMany(static requests => requests.Value))))
            .WithTrackingName(TrackingNames.GenerateBusRequests);

        IncrementalValueProvider<Boxed<EquatableArray<RequestedRoot>>> roots = requests
            .Select(static (requests, _) => new Boxed<EquatableArray<RequestedRoot>>(GenerateBusParser.RootsOf(requests.Value)))
            .WithTrackingName(TrackingNames.RequestedRoots);

        // Untracked: it re-runs on every compilation change, to an equal identity (name and strong-name settings).
        IncrementalValueProvider<ScanIdentity> identity = context.CompilationProvider
            .Select(static (compilation, _) => ScanIdentity.Of(compilation));

        IncrementalValueProvider<Boxed<EquatableArray<ScannedEvent>>> scanned = roots
            .Pair(references)
            .Pair(identity)
            .Select(static (input, cancellationToken) => new Boxed<EquatableArray<ScannedEvent>>(
                ReferenceScanner.Scan(input.Left.Left.Value, input.Left.Right.Value, input.Right, cancellationToken)))
            .WithTrackingName(TrackingNames.ScannedReferences);

        return requests
            .Pair(scanned)
            .Select(static (input, _) => ReferencedEventsJoin.Join(input.Left.Value, input.Right.Value))
            .WithTrackingName(TrackingNames.ReferencedEvents);
    }

    // GB0015: async void overrides of generated sync handlers. The semantic step re-runs on every compilation change,
    // but only for the rare async void methods of one parameter, and its equal results leave the rest cached.
    private static void RegisterAsyncVoidCheck(IncrementalGeneratorInitializationContext context, IncrementalValueProvider<Boxed<ImmutableArray<BusSpec>>> buses)
    {
        IncrementalValueProvider<Boxed<EquatableArray<DiagnosticInfo>>> asyncVoid = context.SyntaxProvider
            .CreateSyntaxProvider(
                static (node, _) => AsyncVoidParser.IsCandidate(node),
                static (context, cancellationToken) => AsyncVoidParser.Parse(context, cancellationToken))
            .Where(static method => method is not null)
            .Select(static (method, _) => method!)
            .CollectBoxed()
            .Pair(buses)
            .Select(static (input, _) => new Boxed<EquatableArray<DiagnosticInfo>>(AsyncVoidCheck.Check(input.Left.Value, input.Right.Value)))
            .WithTrackingName(TrackingNames.AsyncVoidDiagnostics);

        // Located in their trees as the other diagnostics are, so #pragma warning reaches them.
        context.RegisterSourceOutput(Locate(context, asyncVoid), ReportAll);
    }

    private static IncrementalValueProvider<Boxed<EquatableArray<Diagnostic>>> Locate(
        IncrementalGeneratorInitializationContext context, IncrementalValueProvider<Boxed<EquatableArray<DiagnosticInfo>>> infos)
        => infos
            .Pair(context.CompilationProvider)
            .Select(static (input, _) => new Boxed<EquatableArray<Diagnostic>>(DiagnosticLocator.Locate(input.Left.Value, input.Right)));

    private static void ReportAll(SourceProductionContext output, Boxed<EquatableArray<Diagnostic>> located)
    {
        foreach (Diagnostic diagnostic in located.Value)
        {
            output.ReportDiagnostic(diagnostic);
        }
    }
}
