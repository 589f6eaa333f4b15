namespace GeneratedBus.EventLog;

/// <summary>What reading one line of an event log produced.</summary>
public enum EventReadStatus
{
    /// <summary>The line held an event of the bus, now in <see cref="EventReadResult{TEvent}.Event"/>.</summary>
    Ok,

    /// <summary>
    /// The line is well-formed JSON whose <c>"Event"</c> names no event of the bus; the name is in
    /// <see cref="EventReadResult{TEvent}.Name"/>. The name is compared as text and never resolved to a type.
    /// </summary>
    Unrecognised,

    /// <summary>The line is not an event: bad JSON or UTF-8, a missing required member, a duplicate, a number out of range.</summary>
    Malformed,
}
