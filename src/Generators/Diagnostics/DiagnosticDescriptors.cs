using Microsoft.CodeAnalysis;

namespace GeneratedBus.Generators.Diagnostics;

/// <summary>Every diagnostic the generator reports. IDs are stable: never renumber or reuse one.</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "GeneratedBus";
    private const string HelpBase = "https://github.com/generatedbus/generatedbus/blob/main/docs/diagnostics.md#";

    /// <summary>GB0001: [BusEvent] on a struct that is not a record struct (classes and records are events).</summary>
    public static readonly DiagnosticDescriptor NotARecord = Create(
        "GB0001",
        "Bus event struct must be a record struct",
        "'{0}' is marked [BusEvent] but is a struct that is not a record struct; declare it as a 'record struct', a class or a record, or remove the attribute");

    /// <summary>GB0002: a generic event, or one nested in a generic type.</summary>
    public static readonly DiagnosticDescriptor GenericEvent = Create(
        "GB0002",
        "Bus event must not be generic",
        "'{0}' is generic or nested in a generic type; declare the event as a non-generic record outside generic types");

    /// <summary>GB0003: an event the generated bus cannot expose.</summary>
    public static readonly DiagnosticDescriptor EventLessAccessible = Create(
        "GB0003",
        "Bus event is less accessible than its bus",
        "'{0}' is less accessible than the {1} bus generated for its root '{2}'; make it and its containing types {1}");

    /// <summary>GB0004: an event with no root to derive a bus from.</summary>
    public static readonly DiagnosticDescriptor NoRoot = Create(
        "GB0004",
        "Bus event has no root",
        "'{0}' has no event root: it has no base type other than object and implements no [EventBus] interface; derive it from a root record or class such as 'public abstract record MyEvent;', or implement an interface marked [EventBus]");

    /// <summary>GB0005: two events of one bus, or an event and the generated code, want the same member name.</summary>
    public static readonly DiagnosticDescriptor HandlerClash = Create(
        "GB0005",
        "Bus event handler name is taken",
        "'{0}' maps to handler '{1}', which {2}; rename the event");

    /// <summary>GB0006: the bus name is not an identifier.</summary>
    public static readonly DiagnosticDescriptor InvalidBusName = Create(
        "GB0006",
        "Bus name is not a valid identifier",
        "The bus name '{0}' of root '{1}' is not a valid C# identifier; set one with [EventBus(\"Name\")] on the root");

    /// <summary>GB0007: a generated type name is taken.</summary>
    public static readonly DiagnosticDescriptor TypeNameClash = Create(
        "GB0007",
        "Generated type name is taken",
        "The type '{0}' generated for root '{1}' clashes with {2}; rename the clashing type or set another bus name with [EventBus(\"Name\")] on the root");

    /// <summary>GB0008: more than one [EventBus] interface and no [EventBus] base class.</summary>
    public static readonly DiagnosticDescriptor AmbiguousRoot = Create(
        "GB0008",
        "Bus event has several roots",
        "'{0}' implements several [EventBus] interfaces ({1}); implement only one, or mark a base class with [EventBus]");

    /// <summary>GB0009: a root the generated namespace-level types cannot see.</summary>
    public static readonly DiagnosticDescriptor InaccessibleRoot = Create(
        "GB0009",
        "Bus root is not accessible",
        "The root '{0}' is private, protected or file-local (itself or a containing type), so the generated bus cannot use it; make it internal or public");

    /// <summary>GB0010: a generic root.</summary>
    public static readonly DiagnosticDescriptor GenericRoot = Create(
        "GB0010",
        "Bus root must not be generic",
        "The root '{0}' is generic or nested in a generic type; use a non-generic root, or mark a non-generic base with [EventBus]");

    /// <summary>GB0011: an event generated code cannot refer to without an error.</summary>
    public static readonly DiagnosticDescriptor UnreferenceableEvent = Create(
        "GB0011",
        "Bus event cannot be referred to",
        "'{0}' is [Obsolete] as an error, or [Obsolete] or [Experimental] with an ID no #pragma can name, so the generated bus leaves it out and it reaches OnOtherEvent; remove [BusEvent], make the [Obsolete] a warning, or use a diagnostic ID of letters, digits and '_' that starts with a letter",
        DiagnosticSeverity.Warning);

    /// <summary>GB0012: an interface root that cannot be a type argument.</summary>
    public static readonly DiagnosticDescriptor StaticAbstractRoot = Create(
        "GB0012",
        "Bus root interface has static abstract members",
        "The root interface '{0}' has static abstract or static virtual members, so it cannot be the bus's event type argument (CS8920); move those members to another interface, or mark a different root with [EventBus]");

    /// <summary>GB0013: a global-namespace type hides a namespace the generated code refers to.</summary>
    public static readonly DiagnosticDescriptor HiddenNamespace = Create(
        "GB0013",
        "A global type hides a namespace the generated code needs",
        "A type named '{0}' in the global namespace hides the namespace '{0}' that the code generated for root '{1}' refers to; rename that type or move it into a namespace");

    /// <summary>GB0014: the runtime library the generated bus builds on is not referenced.</summary>
    public static readonly DiagnosticDescriptor RuntimeMissing = Create(
        "GB0014",
        "The GeneratedBus runtime is not referenced",
        "The bus generated for root '{0}' needs '{1}' from the GeneratedBus runtime library, which this project does not reference; reference the GeneratedBus package, which carries both the runtime and the generator");

    /// <summary>GB0015: an async void override of a generated sync handler.</summary>
    public static readonly DiagnosticDescriptor AsyncVoidHandler = Create(
        "GB0015",
        "Async void override of a generated listener handler",
        "'{0}' is an async void {1} of the generated handler '{2}.{3}': the bus cannot wait for it, so it breaks the queue's ordering, accounting and timers, and a throw after its first await ends the process; use the async listener instead: derive from '{4}' (or implement '{5}') and override the handler's Async form, which returns a ValueTask");
    /// <summary>GB0016: [BusEvent] on a type that is itself the root of a bus.</summary>
    public static readonly DiagnosticDescriptor BusEventOnRoot = Create(
        "GB0016",
        "[BusEvent] on an event root",
        "'{0}' is the root of a bus, which is never an event of its own bus; remove [BusEvent] from it (the events deriving from it keep theirs)");

    /// <summary>GB0017: a handler override for a type of a bus's hierarchy that is not marked [BusEvent].</summary>
    public static readonly DiagnosticDescriptor MissingBusEvent = Create(
        "GB0017",
        "Handled type is not marked [BusEvent]",
        "'{0}' derives from the event root '{1}' and is handled by '{2}', but it is not marked [BusEvent], so the bus has no such handler and routes it to OnOtherEvent; add [BusEvent] to '{0}'");

    /// <summary>GB0018: a member of an event (or of a type nested in one) whose type the JSON codec cannot handle.</summary>
    public static readonly DiagnosticDescriptor CodecUnsupportedMember = Create(
        "GB0018",
        "Event member cannot be written by the JSON codec",
        "The member '{0}' of '{1}' has type '{2}', which the generated JSON codec cannot write: {3}; it is left out of the event's JSON (and read as its default). Mark it [JsonIgnore] to say so, or give it a type the codec handles",
        DiagnosticSeverity.Warning);

    /// <summary>GB0019: an event the JSON codec cannot construct when reading.</summary>
    public static readonly DiagnosticDescriptor CodecCannotConstruct = Create(
        "GB0019",
        "Event cannot be read by the JSON codec",
        "'{0}' has no accessible constructor whose parameters all name its properties or have defaults, so the generated JSON codec can neither write nor read it; give it one (a positional record's primary constructor does), or mark one [JsonConstructor]",
        DiagnosticSeverity.Warning);

    /// <summary>GB0020: two events of one bus share a name in the JSON codec.</summary>
    public static readonly DiagnosticDescriptor CodecNameTaken = Create(
        "GB0020",
        "Event name is taken in the JSON codec",
        "'{0}' is named '{1}' in the JSON codec (its [BusEvent] name or an alias), which '{2}' of the same bus already has, so lines named '{1}' are read as '{2}'; give '{0}' another name with [BusEvent(\"Name\")] or remove the alias",
        DiagnosticSeverity.Warning);

    /// <summary>GB0021: events of a root declared in another assembly, and no GenerateBus for it here.</summary>
    public static readonly DiagnosticDescriptor ForeignRoot = Create(
        "GB0021",
        "Bus of a root from another assembly is not generated here",
        "The events of root '{0}' here get no bus in this project, because '{0}' is declared in another assembly and two projects generating its bus would clash (CS0433); {1}",
        DiagnosticSeverity.Info);

    /// <summary>GB0022: GenerateBus naming a type that is the root of no event.</summary>
    public static readonly DiagnosticDescriptor RequestWithoutEvents = Create(
        "GB0022",
        "GenerateBus names no root with events",
        "'{0}', named by [assembly: GenerateBus(typeof({0}))], is the root of no [BusEvent] event in this project or its references, so no bus is generated for it; name the root the events derive from (their [EventBus] base type or interface, else their top-most base class), or remove the attribute");

    /// <summary>GB0023: GenerateBus for a root whose bus GeneratedBus already generated in a referenced assembly.</summary>
    public static readonly DiagnosticDescriptor RequestedBusExists = Create(
        "GB0023",
        "GenerateBus for a root that already has a bus",
        "[assembly: GenerateBus(typeof({0}))] cannot generate the bus of '{0}': the referenced assembly '{2}' already holds '{1}', the bus GeneratedBus generated there for '{0}', and a second one would clash (CS0433); generate it in one project only: remove this attribute and use the bus of '{2}', or stop '{2}' generating it (move its events of '{0}' into a library, or remove its own GenerateBus)");

    private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity = DiagnosticSeverity.Error) => new(
        id,
        title,
        message,
        Category,
        severity,
        isEnabledByDefault: true,
        helpLinkUri: HelpBase + id.ToLowerInvariant());
}
