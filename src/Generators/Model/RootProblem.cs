namespace GeneratedBus.Generators.Model;

/// <summary>Why a root cannot have a bus; the planner reports it once per root.</summary>
internal enum RootProblem
{
    /// <summary>The root is fine.</summary>
    None,

    /// <summary>The root is private, protected or file-local somewhere in its nesting (GB0009).</summary>
    Inaccessible,

    /// <summary>The root is generic or nested in a generic type (GB0010).</summary>
    Generic,

    /// <summary>The bus name is not a valid identifier (GB0006).</summary>
    InvalidBusName,

    /// <summary>A generated type name is already taken in the root's namespace (GB0007).</summary>
    ExistingTypeClash,

    /// <summary>
    /// A root from another assembly whose bus a referenced assembly already holds, as GeneratedBus generated it there
    /// (GB0023): its <c>{Bus}Bus</c> carries GeneratedBus's [GeneratedCode] and derives from LiveListenerBus of this root.
    /// </summary>
    BusAlreadyGenerated,

    /// <summary>An interface root with static abstract members, which cannot be a type argument (GB0012).</summary>
    StaticAbstractMembers,

    /// <summary>A global-namespace type hides a namespace the generated code names with <c>global::</c> (GB0013).</summary>
    HiddenNamespace,

    /// <summary>The compilation lacks the runtime types the generated bus derives from and calls (GB0014).</summary>
    RuntimeMissing,
}
