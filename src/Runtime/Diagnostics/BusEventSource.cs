using System;
using System.Diagnostics.CodeAnalysis;
using System.Diagnostics.Tracing;

namespace GeneratedBus;

/// <summary>
/// The runtime's <see cref="EventSource"/>, <c>GeneratedBus</c>: a warning-level record of every loss the logger
/// reports (drops, discarded and abandoned events, events lost at process exit), so that losses are visible with no
/// <c>ILoggerFactory</c> configured, through <c>dotnet-trace</c>, an <see cref="EventListener"/> or ETW/EventPipe.
/// </summary>
/// <remarks>
/// Written beside the log entry, never instead of it, and from the same rare paths (the bus's log pump, Stop, the
/// process-exit hook): nothing here runs on the post path. Costs one <see cref="EventSource.IsEnabled()"/> read when
/// nobody listens.
/// </remarks>
[EventSource(Name = SourceName)]
internal sealed class BusEventSource : EventSource
{
    /// <summary>The source's name, for <c>dotnet-trace --providers GeneratedBus</c> or an <see cref="EventListener"/>.</summary>
    public const string SourceName = "GeneratedBus";

    /// <summary>The event ID of <see cref="EventsDropped"/>.</summary>
    public const int EventsDroppedId = 1;

    /// <summary>The event ID of <see cref="EventsLost"/>.</summary>
    public const int EventsLostId = 2;

    /// <summary>The event ID of <see cref="DropsBegan"/>.</summary>
    public const int DropsBeganId = 3;

    /// <summary>The one instance.</summary>
    public static readonly BusEventSource Instance = new();

    private BusEventSource()
    {
    }

    /// <summary>A queue dropped <paramref name="count"/> events (refused when full, or abandoned at shutdown).</summary>
    /// <param name="bus">The bus name.</param>
    /// <param name="queue">The queue name.</param>
    /// <param name="count">How many, since the last such event of this queue.</param>
    /// <param name="reason">Why, in a few words.</param>
    [Event(EventsDroppedId, Level = EventLevel.Warning, Message = "Queue {1} of bus {0} dropped {2} events: {3}.")]
    public void EventsDropped(string bus, string queue, long count, string reason)
    {
        if (IsEnabled(EventLevel.Warning, EventKeywords.All))
        {
            Write4(EventsDroppedId, bus, queue, count, reason);
        }
    }

    /// <summary>A bus lost <paramref name="count"/> events outside any queue's count (its start buffer, a process exit).</summary>
    /// <param name="bus">The bus name.</param>
    /// <param name="count">How many.</param>
    /// <param name="reason">Why, in a few words.</param>
    [Event(EventsLostId, Level = EventLevel.Warning, Message = "Bus {0} lost {1} events: {2}.")]
    public void EventsLost(string bus, long count, string reason)
    {
        if (IsEnabled(EventLevel.Warning, EventKeywords.All))
        {
            Write4(EventsLostId, bus, string.Empty, count, reason, fields: 3);
        }
    }

    /// <summary>
    /// A queue (or the start buffer) refused its first event: the signal that drops have begun, at once; the counts
    /// follow in <see cref="EventsDropped"/> every DropReportInterval and at Stop (their sum is the queue's Dropped).
    /// </summary>
    /// <param name="bus">The bus name.</param>
    /// <param name="queue">The queue name, or <c>(start buffer)</c>.</param>
    /// <param name="capacity">The capacity it had.</param>
    /// <param name="reason">Why, in a few words.</param>
    [Event(DropsBeganId, Level = EventLevel.Warning, Message = "Queue {1} of bus {0} (capacity {2}) began dropping: {3}.")]
    public void DropsBegan(string bus, string queue, long capacity, string reason)
    {
        if (IsEnabled(EventLevel.Warning, EventKeywords.All))
        {
            Write4(DropsBeganId, bus, queue, capacity, reason);
        }
    }

    /// <summary>
    /// WriteEventCore with strings and a long: the <c>params object[]</c> overload needs unreferenced code (trimming)
    /// and boxes. <paramref name="fields"/> 3 leaves out <paramref name="b"/> (an event of bus, count, reason).
    /// </summary>
    [NonEvent]
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Every field is a string or a long: primitives, no object graph to serialize.")]
    private unsafe void Write4(int id, string a, string b, long count, string reason, int fields = 4)
    {
        fixed (char* pa = a, pb = b, pr = reason)
        {
            EventData* data = stackalloc EventData[4];
            int i = 0;
            data[i++] = Text(pa, a);
            if (fields == 4)
            {
                data[i++] = Text(pb, b);
            }

            data[i].DataPointer = (IntPtr)(&count);
            data[i++].Size = sizeof(long);
            data[i++] = Text(pr, reason);
            WriteEventCore(id, i, data);
        }
    }

    private static unsafe EventData Text(char* chars, string text) =>
        new() { DataPointer = (IntPtr)chars, Size = (text.Length + 1) * sizeof(char) };
}
