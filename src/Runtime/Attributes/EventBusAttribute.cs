using System;

namespace GeneratedBus;

/// <summary>
/// Marks a type as the root of a generated bus, taking precedence over the default root (the top-most base type),
/// and optionally sets the bus name used for the generated type names.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Interface, Inherited = false, AllowMultiple = false)]
public sealed class EventBusAttribute : Attribute
{
    /// <summary>Marks the root and derives the bus name from the root's name.</summary>
    public EventBusAttribute()
    {
    }

    /// <summary>Marks the root and sets the bus name: <c>[EventBus("Scheduler")]</c> yields <c>ISchedulerListener</c>, <c>SchedulerBus</c> and so on.</summary>
    /// <param name="name">The bus name; it must be a valid C# identifier.</param>
    public EventBusAttribute(string name)
    {
        Name = name;
    }

    /// <summary>The bus name, or <see langword="null"/> to derive it from the root's name.</summary>
    public string? Name { get; }
}
