using System;

namespace GeneratedBus;

/// <summary>
/// Marks a record as an event of a generated bus. The generator adds a handler for it to the bus's listener
/// interface, no-op base, firehose base, dispatcher and typed bus, and writes its JSON codec.
/// </summary>
/// <remarks>
/// The bus is chosen by the event's root: the nearest base type or interface marked <see cref="EventBusAttribute"/>,
/// or else the top-most base type other than <see cref="object"/>.
/// </remarks>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, Inherited = false, AllowMultiple = false)]
public sealed class BusEventAttribute : Attribute
{
    /// <summary>Marks an event whose written name is its type's simple name.</summary>
    public BusEventAttribute()
    {
    }

    /// <summary>Marks an event and sets the name its codec writes in the <c>"Event"</c> discriminator.</summary>
    /// <param name="name">The written name, for example Spark's <c>SparkListenerJobStart</c>.</param>
    public BusEventAttribute(string name) => Name = name;

    /// <summary>
    /// The name written in the <c>"Event"</c> discriminator, or <see langword="null"/> for the type's simple name.
    /// </summary>
    public string? Name { get; }

    /// <summary>
    /// Further names the reader accepts for this event, for example the fully qualified Java class names under which
    /// Spark writes some events. The reader compares them as text; it never resolves a name to a type.
    /// </summary>
    public string[]? Aliases { get; set; }
}
