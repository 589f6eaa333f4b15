using System;
using System.Collections.Generic;
using System.Diagnostics;

namespace GeneratedBus;

/// <summary>A snapshot of a bus's counters.</summary>
/// <param name="EventsPosted">Events the bus accepted from <c>Post</c> (before or after <c>Start</c>, never after <c>Stop</c>).</param>
/// <param name="Queues">Every queue the bus has had, by name, including queues stopped because they were left empty.</param>
/// <param name="Listeners">Timers per listener type, summed over queues.</param>
[DebuggerDisplay("posted {EventsPosted}, {Queues.Count} queues, {Listeners.Count} listener types, start buffer dropped {StartBufferDropped}")]
public sealed record BusStats(
    long EventsPosted,
    IReadOnlyDictionary<string, QueueStats> Queues,
    IReadOnlyDictionary<Type, ListenerStats> Listeners)
{
    /// <summary>Events posted before <c>Start</c> that did not fit the start buffer and were dropped.</summary>
    public long StartBufferDropped { get; init; }
}
