using System;

namespace GeneratedBus;

/// <summary>
/// Marks a record as an event of a generated bus. The generator adds a handler for it to the bus's listener
/// interface, no-op base, firehose base, dispatcher and typed bus.
/// </summary>
/// <remarks>
/// The bus is chosen by the event's root: the nearest base type or interface marked <see cref="EventBusAttribute"/>,
/// or else the top-most base type other than <see cref="object"/>.
/// </remarks>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, Inherited = false, AllowMultiple = false)]
public sealed class BusEventAttribute : Attribute
{
}
