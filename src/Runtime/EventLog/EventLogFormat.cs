using System;
using System.Reflection;
using System.Text.Json;

namespace GeneratedBus.EventLog;

/// <summary>The event log's own records and file names, shared by the writer and replay.</summary>
public static class EventLogFormat
{
    /// <summary>The format version the writer writes in <see cref="EventLogStart.FormatVersion"/>.</summary>
    public const int Version = 1;

    /// <summary>The <c>"Event"</c> name of the log-start record.</summary>
    public const string LogStartName = "GeneratedBus.LogStart";

    /// <summary>The <c>"Event"</c> name of the closing record.</summary>
    public const string LogEndName = "GeneratedBus.LogEnd";

    /// <summary>What an open log's name ends with, as Spark's; removed when the writer closes.</summary>
    public const string InProgressSuffix = ".inprogress";

    /// <summary>In a rolled log's directory, the marker of a log still being written; renamed to <see cref="StatusMarker"/> on close.</summary>
    public const string InProgressMarker = "appstatus" + InProgressSuffix;

    /// <summary>In a rolled log's directory, the marker of a closed log.</summary>
    public const string StatusMarker = "appstatus";

    /// <summary>The name of part <paramref name="number"/> (from 1) of a rolled log, before any compression extension.</summary>
    public static string PartName(int number) => "events_" + number.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".jsonl";

    // The writer's layout: the records start exactly so, which is how replay tells them from bus events cheaply.
    internal static ReadOnlySpan<byte> LogStartPrefix => "{\"Event\":\"GeneratedBus.LogStart\""u8;

    internal static ReadOnlySpan<byte> LogEndPrefix => "{\"Event\":\"GeneratedBus.LogEnd\""u8;

    internal static string WriterVersion { get; } =
        typeof(EventLogFormat).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(EventLogFormat).Assembly.GetName().Version?.ToString() ?? "0";

    internal static void WriteStart(Utf8JsonWriter writer, EventLogStart start)
    {
        writer.WriteStartObject();
        writer.WriteString(EventJson.EventProperty, LogStartName);
        writer.WriteNumber("FormatVersion"u8, start.FormatVersion);
        writer.WriteString("Bus"u8, start.Bus);
        writer.WriteString("WriterVersion"u8, start.WriterVersion);
        writer.WriteEndObject();
    }

    internal static void WriteEnd(Utf8JsonWriter writer, EventLogEnd end)
    {
        writer.WriteStartObject();
        writer.WriteString(EventJson.EventProperty, LogEndName);
        writer.WriteNumber("EventsWritten"u8, end.EventsWritten);
        if (end.EventsDropped is long dropped)
        {
            writer.WriteNumber("EventsDropped"u8, dropped);
        }
        else
        {
            writer.WriteNull("EventsDropped"u8);
        }

        writer.WriteNumber("WriteFailures"u8, end.WriteFailures);
        writer.WriteEndObject();
    }

    /// <summary>Reads a log-start record; throws <see cref="JsonException"/> (or another data error) when it is malformed.</summary>
    internal static EventLogStart ReadStart(ReadOnlySpan<byte> line, EventJsonReaderOptions options)
    {
        int version = 0;
        string? bus = null, writerVersion = null;
        int seen = 0;
        ReadRecord(line, options, (ref Utf8JsonReader reader) =>
        {
            if (reader.ValueTextEquals("FormatVersion"u8)) { First(ref seen, 1, "FormatVersion"); EventJson.Next(ref reader); version = EventJson.ReadInt32(ref reader); return true; }
            if (reader.ValueTextEquals("Bus"u8)) { First(ref seen, 2, "Bus"); EventJson.Next(ref reader); bus = EventJson.ReadString(ref reader); return true; }
            if (reader.ValueTextEquals("WriterVersion"u8)) { First(ref seen, 4, "WriterVersion"); EventJson.Next(ref reader); writerVersion = EventJson.ReadString(ref reader); return true; }
            return false;
        });
        return new EventLogStart(version, bus ?? throw EventJson.Missing("Bus", LogStartName), writerVersion ?? "");
    }

    /// <summary>Reads a closing record; throws <see cref="JsonException"/> (or another data error) when it is malformed.</summary>
    internal static EventLogEnd ReadEnd(ReadOnlySpan<byte> line, EventJsonReaderOptions options)
    {
        long written = 0, failures = 0;
        long? dropped = null;
        int seen = 0;
        ReadRecord(line, options, (ref Utf8JsonReader reader) =>
        {
            if (reader.ValueTextEquals("EventsWritten"u8)) { First(ref seen, 1, "EventsWritten"); EventJson.Next(ref reader); written = EventJson.ReadInt64(ref reader); return true; }
            if (reader.ValueTextEquals("EventsDropped"u8))
            {
                First(ref seen, 2, "EventsDropped");
                EventJson.Next(ref reader);
                dropped = reader.TokenType == JsonTokenType.Null ? null : EventJson.ReadInt64(ref reader);
                return true;
            }

            if (reader.ValueTextEquals("WriteFailures"u8)) { First(ref seen, 4, "WriteFailures"); EventJson.Next(ref reader); failures = EventJson.ReadInt64(ref reader); return true; }
            return false;
        });
        return new EventLogEnd(written, dropped, failures);
    }

    // A record's property given twice is refused, as an event's is.
    private static void First(ref int seen, int bit, string property)
    {
        if ((seen & bit) != 0)
        {
            throw EventJson.Duplicate(property);
        }

        seen |= bit;
    }

    private delegate bool MemberReader(ref Utf8JsonReader reader);

    // Reads the record's members after "Event" (first, by the prefix check); unknown members are skipped, as for events.
    private static void ReadRecord(ReadOnlySpan<byte> line, EventJsonReaderOptions options, MemberReader member)
    {
        Utf8JsonReader reader = EventJson.ReadToEventName(line, options, out bool eventFirst);
        System.Diagnostics.Debug.Assert(eventFirst, "The prefix check puts \"Event\" first.");
        EventJson.Next(ref reader);
        while (reader.TokenType == JsonTokenType.PropertyName)
        {
            if (!member(ref reader))
            {
                EventJson.SkipValue(ref reader);
            }

            EventJson.Next(ref reader);
        }

        EventJson.ReadToEnd(ref reader);
    }
}
