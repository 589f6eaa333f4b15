using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text;

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

    /// <summary>
    /// The stats as text tables: a line with the bus totals, a table of the queues by name, and a table of the listener
    /// types by name, with their mean, longest and total call times.
    /// </summary>
    /// <returns>The tables, one row per line.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"posted {EventsPosted:N0}, dropped before Start {StartBufferDropped:N0}, {Queues.Count} queues, {Listeners.Count} listener types").AppendLine();
        if (Queues.Count > 0)
        {
            text.AppendLine();
            StatsTable.Write(text, StatsTable.QueueHeader, Queues.Values.OrderBy(q => q.Name, StringComparer.Ordinal).Select(StatsTable.Row));
        }

        if (Listeners.Count > 0)
        {
            text.AppendLine();
            StatsTable.Write(text, StatsTable.ListenerHeader, Listeners.Values.OrderBy(l => l.ListenerType.Name, StringComparer.Ordinal).Select(StatsTable.Row));
        }

        return text.ToString().TrimEnd();
    }
}
