using System.Linq;
using System.Threading;
using GeneratedBus.Generators.Diagnostics;
using GeneratedBus.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GeneratedBus.Generators.Parsing;

/// <summary>Turns one [BusEvent] declaration into an <see cref="EventResult"/>: a model, a diagnostic, or nothing.</summary>
internal static class EventParser
{
    /// <summary>Cheap syntax filter: only type declarations that can be records get to the semantic step.</summary>
    public static bool IsCandidate(SyntaxNode node) => node is ClassDeclarationSyntax or StructDeclarationSyntax or RecordDeclarationSyntax;

    /// <summary>Parses the event the attribute sits on. Half-typed code yields <see langword="null"/>, never an exception.</summary>
    /// <remarks>The handler doc stays raw XML here: <see cref="RenderDoc"/> finishes it in a step of its own.</remarks>
    public static ParsedEvent? Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
        => context.TargetSymbol is INamedTypeSymbol type && context.TargetNode is TypeDeclarationSyntax declaration
            ? Parse(type, declaration, context.SemanticModel, plainlyMarked: false, cancellationToken)
            : null;

    /// <summary>Parses <paramref name="type"/>, declared by <paramref name="declaration"/>, known to be marked [BusEvent].</summary>
    /// <param name="type">The event.</param>
    /// <param name="declaration">Its declaration.</param>
    /// <param name="model">The semantic model of its syntax tree.</param>
    /// <param name="plainlyMarked">Whether its one attribute is an argument-less [BusEvent] (<see cref="PlainEventSyntax"/>).</param>
    /// <param name="cancellationToken">Cancels the parse.</param>
    public static ParsedEvent? Parse(
        INamedTypeSymbol type, TypeDeclarationSyntax declaration, SemanticModel model, bool plainlyMarked, CancellationToken cancellationToken)
    {
        Compilation compilation = model.Compilation;
        if (declaration.Identifier.IsMissing || type.TypeKind is not (TypeKind.Class or TypeKind.Struct))
        {
            return null;
        }

        DiagnosticLocation? location = DiagnosticLocation.From(declaration.Identifier.GetLocation());
        string display = SymbolNames.ForDisplay(type);
        ParsedEvent Fail(DiagnosticDescriptor descriptor, params string[] args)
            => new(new EventResult(null, DiagnosticInfo.Create(descriptor, location, args), location, null), null);

        // Classes and records are events alike (dispatch tests types, never record members); a struct must be a
        // record struct, as it has always been.
        if (type.IsValueType && !type.IsRecord)
        {
            return Fail(DiagnosticDescriptors.NotARecord, display);
        }

        if (Visibility.IsGenericOrInGeneric(type))
        {
            return Fail(DiagnosticDescriptors.GenericEvent, display);
        }

        if (RootResolver.HasErrorTypes(type) || !SymbolNames.CanBeSpelled(type))
        {
            // The compiler already reports the unbound base or the unnamed namespace; a guess would only add noise.
            return null;
        }

        RootResolver.Resolution resolution = RootResolver.Resolve(type);
        if (resolution.Candidates.Count > 1)
        {
            string candidates = string.Join(", ", resolution.Candidates.Select(SymbolNames.ForDisplay).OrderBy(n => n, System.StringComparer.Ordinal));
            return Fail(DiagnosticDescriptors.AmbiguousRoot, display, candidates);
        }

        if (resolution.Root is not { } root)
        {
            if (EventBusAttributes.IsMarked(type))
            {
                return Fail(DiagnosticDescriptors.BusEventOnRoot, display);
            }

            // The collector turns this into GB0016 when another event of the compilation has this type as its root.
            ParsedEvent rootless = Fail(DiagnosticDescriptors.NoRoot, display);
            return rootless with { Result = rootless.Result with { RootlessMetadataName = SymbolNames.MetadataNameOf(type) } };
        }

        // A record deriving from a class, or a class from a record, is already a compiler error (CS8864, CS8865).
        if (root.TypeKind is not (TypeKind.Class or TypeKind.Interface) || (root.TypeKind == TypeKind.Class && root.IsRecord != type.IsRecord)
            || !SymbolNames.CanBeSpelled(root))
        {
            // An unnamed namespace is a compiler error too.
            return null;
        }

        RootFacts rootFacts = RootFacts.Of(root, compilation);
        if (rootFacts.Usage.IsError)
        {
            // Deriving from it is already an error (CS0619 or the experimental ID) that generated code could only repeat.
            return null;
        }

        RootSpec rootSpec = rootFacts.Spec;
        // A root declared outside this compilation's source: point at the event then.
        DiagnosticLocation? rootLocation = rootFacts.Location ?? location;

        Reach reach = Visibility.ReachOf(type, compilation);
        if (rootSpec.Problem == RootProblem.None && (reach == Reach.None || (rootSpec.IsPublic && reach != Reach.Public)))
        {
            string needed = rootSpec.IsPublic ? "public" : "internal";
            return Fail(DiagnosticDescriptors.EventLessAccessible, display, needed, rootSpec.DisplayName);
        }

        UsageWarnings.Usage usage = UsageWarnings.Of(type, plainlyMarked);
        if (usage.IsError)
        {
            return Fail(DiagnosticDescriptors.UnreferenceableEvent, display);
        }

        string typeName = SymbolNames.ForCode(type);
        // The doc lines are filled from the XML below by RenderDoc.
        EventSpec spec = CreateSpec(type, rootSpec, display, typeName, declaration.SyntaxTree.FilePath, usage, default);
        // An abstract event is never an instance (its concrete subclasses are what the codec writes), and a root with a
        // problem gets no bus, so no codec either.
        (CodecEventSpec? codec, EquatableArray<DiagnosticInfo> codecDiagnostics) =
            type.IsAbstract || rootSpec.Problem != RootProblem.None ? (null, default)
            : plainlyMarked ? CodecTemplates.Of(type, declaration, model, location, typeName, display)
            : CodecParser.Parse(type, compilation, location, typeName, display);
        return new ParsedEvent(
            new EventResult(spec, null, location, rootLocation, codec, codecDiagnostics),
            DocXml.Of(type, declaration, cancellationToken));
    }

    /// <summary>Completes <paramref name="parsed"/>: its event gets the handler doc lines made from its XML doc.</summary>
    public static EventResult RenderDoc(ParsedEvent parsed)
    {
        EventResult result = parsed.Result;
        return result.Event is { } spec
            ? result with { Event = spec with { DocLines = new EquatableArray<string>(DocComments.HandlerDocFor(parsed.DocXml, spec.TypeName)) } }
            : result;
    }

    /// <summary>The model of <paramref name="type"/>, from source or from a referenced assembly alike.</summary>
    public static EventSpec CreateSpec(
        INamedTypeSymbol type, RootSpec root, string display, string typeName, string orderKey, UsageWarnings.Usage usage, EquatableArray<string> docLines)
        => CreateSpec(type.Name, type.IsSealed, type.IsValueType, DepthOf(type), root, display, typeName, orderKey, new EquatableArray<string>(usage.Ids), docLines);

    /// <summary>The model of an event named <paramref name="name"/>, however its facts were found.</summary>
    /// <param name="name">The event's simple name.</param>
    /// <param name="isSealed">Whether it is sealed.</param>
    /// <param name="isValueType">Whether it is a record struct.</param>
    /// <param name="depth">How many base classes it has.</param>
    /// <param name="root">Its root.</param>
    /// <param name="display">Its name in diagnostics.</param>
    /// <param name="typeName">Its name in code.</param>
    /// <param name="orderKey">Its file, which orders the events.</param>
    /// <param name="suppressedWarnings">The warnings referring to it raises.</param>
    /// <param name="docLines">The handler's doc lines.</param>
    public static EventSpec CreateSpec(
        string name, bool isSealed, bool isValueType, int depth, RootSpec root, string display, string typeName, string orderKey,
        EquatableArray<string> suppressedWarnings, EquatableArray<string> docLines)
    {
        string stem = Naming.StemOf(name);
        return new EventSpec(
            root,
            display,
            typeName,
            "On" + stem,
            Naming.Escape(stem),
            isSealed || isValueType,
            isValueType,
            depth,
            docLines,
            orderKey,
            suppressedWarnings);
    }

    private static int DepthOf(INamedTypeSymbol type)
    {
        int depth = 0;
        for (INamedTypeSymbol? current = type.BaseType; current is not null; current = current.BaseType)
        {
            depth++;
        }

        return depth;
    }
}
