namespace GeneratedBus.Generators.Model;

/// <summary>The root of a bus: the TEvent of the generated bus, and where and how its types are generated.</summary>
/// <param name="MetadataName">The fully qualified metadata name: the grouping key and the hint name's stem.</param>
/// <param name="DisplayName">The name shown in diagnostics.</param>
/// <param name="TypeName">The <c>global::</c>-qualified, keyword-escaped name used in code.</param>
/// <param name="Namespace">The escaped namespace the generated types go to; empty for the global namespace.</param>
/// <param name="BusName">The bus name, the stem of every generated type name.</param>
/// <param name="IsPublic">Whether the root is effectively public, so the generated types are public (else internal).</param>
/// <param name="Problem">Why no bus can be generated, if so.</param>
/// <param name="ProblemDetail">The name the problem is about (the invalid bus name, the clashing type, or the assembly that holds the bus already).</param>
/// <param name="SuppressedWarnings">The warnings referring to the root raises ([Obsolete], [Experimental]).</param>
/// <param name="IsForeign">Whether the root is declared in another assembly: its bus is generated only where
/// <c>[assembly: GenerateBus(typeof(Root))]</c> asks for it, so that two libraries never generate the same types.</param>
internal sealed record RootSpec(
    string MetadataName,
    string DisplayName,
    string TypeName,
    string Namespace,
    string BusName,
    bool IsPublic,
    RootProblem Problem,
    string ProblemDetail,
    EquatableArray<string> SuppressedWarnings,
    bool IsForeign = false)
{
    /// <summary>The generated listener interface's name.</summary>
    public string ListenerInterfaceName => GeneratedNames.ListenerInterface(BusName);

    /// <summary>The generated no-op listener base's name.</summary>
    public string ListenerName => GeneratedNames.Listener(BusName);

    /// <summary>The generated firehose listener base's name.</summary>
    public string FirehoseListenerName => GeneratedNames.FirehoseListener(BusName);

    /// <summary>The generated async listener interface's name.</summary>
    public string AsyncListenerInterfaceName => GeneratedNames.AsyncListenerInterface(BusName);

    /// <summary>The generated no-op async listener base's name.</summary>
    public string AsyncListenerName => GeneratedNames.AsyncListener(BusName);

    /// <summary>The generated kind enum's name.</summary>
    public string KindName => GeneratedNames.Kind(BusName);

    /// <summary>The generated dispatcher's name.</summary>
    public string DispatcherName => GeneratedNames.Dispatcher(BusName);

    /// <summary>The generated bus's name.</summary>
    public string BusTypeName => GeneratedNames.Bus(BusName);

    /// <summary>The generated synchronous bus's name.</summary>
    public string ListenerBusTypeName => GeneratedNames.ListenerBus(BusName);

    /// <summary>The <c>global::</c> prefix of generated types: <c>global::Acme.Scheduling.</c>.</summary>
    public string GeneratedPrefix => Namespace.Length == 0 ? "global::" : "global::" + Namespace + ".";
}
