namespace GeneratedBus.Generators.Model;

/// <summary>
/// A listener class declared in this compilation that derives, directly or through its own bases, from a generated
/// no-op listener base, and the handlers it overrides: the kinds its queue must carry for it.
/// </summary>
/// <param name="TypeName">The <c>global::</c>-qualified name used in code.</param>
/// <param name="Namespace">Its namespace, to tell buses of one name in different namespaces apart.</param>
/// <param name="BaseName">The generated base's simple name as written (<c>SchedulerListener</c>), unbound in the generator's view.</param>
/// <param name="Handlers">The handler names it, or a base of its own, overrides, in ordinal order.</param>
internal sealed record ListenerSpec(string TypeName, string Namespace, string BaseName, EquatableArray<string> Handlers);
