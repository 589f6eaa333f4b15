using System;

namespace GeneratedBus.EventLog;

/// <summary>The outcome of reading one line: an event, an unrecognised event name, or why the line is malformed.</summary>
/// <typeparam name="TEvent">The bus's event type.</typeparam>
/// <remarks>Expected bad data is a result, not an exception, so a replay can count it and go on.</remarks>
public readonly struct EventReadResult<TEvent>
{
    private EventReadResult(EventReadStatus status, TEvent? @event, string? name, string? reason)
    {
        Status = status;
        Event = @event;
        Name = name;
        Reason = reason;
    }

    /// <summary>What the line held.</summary>
    public EventReadStatus Status { get; }

    /// <summary>The event, when <see cref="Status"/> is <see cref="EventReadStatus.Ok"/>.</summary>
    public TEvent? Event { get; }

    /// <summary>The unrecognised <c>"Event"</c> name, when <see cref="Status"/> is <see cref="EventReadStatus.Unrecognised"/>.</summary>
    public string? Name { get; }

    /// <summary>Why the line is malformed, when <see cref="Status"/> is <see cref="EventReadStatus.Malformed"/>.</summary>
    public string? Reason { get; }

    /// <summary>Whether the line held an event of the bus.</summary>
    public bool IsOk => Status == EventReadStatus.Ok;

    /// <summary>A line that held <paramref name="event"/>.</summary>
    public static EventReadResult<TEvent> Ok(TEvent @event) => new(EventReadStatus.Ok, @event, null, null);

    /// <summary>A well-formed line whose <c>"Event"</c> is <paramref name="name"/>, which the bus does not know.</summary>
    public static EventReadResult<TEvent> Unrecognised(string name)
        => new(EventReadStatus.Unrecognised, default, name ?? throw new ArgumentNullException(nameof(name)), null);

    /// <summary>A line that is not an event, for <paramref name="reason"/>.</summary>
    public static EventReadResult<TEvent> Malformed(string reason)
        => new(EventReadStatus.Malformed, default, null, reason ?? throw new ArgumentNullException(nameof(reason)));

    /// <inheritdoc />
    public override string ToString() => Status switch
    {
        EventReadStatus.Ok => $"Ok({Event})",
        EventReadStatus.Unrecognised => $"Unrecognised({Name})",
        _ => $"Malformed({Reason})",
    };
}
