using System;

namespace GeneratedBus;

/// <summary>
/// Generates, in this project, the one bus of a root whose events are declared in several referenced libraries.
/// </summary>
/// <remarks>
/// Declare it in the project that references every library with events of the root (usually the app):
/// <c>[assembly: GenerateBus(typeof(OrderEvent))]</c>. The generated bus, listener interface, dispatcher and JSON
/// codec then cover every <see cref="BusEventAttribute"/> event of that root in this project and its references.
/// A library whose events belong to a root declared in another assembly generates no bus for it.
/// </remarks>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true, Inherited = false)]
public sealed class GenerateBusAttribute : Attribute
{
    /// <summary>Asks for the bus of <paramref name="root"/> to be generated in this assembly.</summary>
    /// <param name="root">The events' root: their [EventBus] base type or interface, or their top-most base class.</param>
    public GenerateBusAttribute(Type root) => Root = root;

    /// <summary>The root whose bus this assembly generates.</summary>
    public Type Root { get; }
}
