using System;
using System.Buffers;
using System.Buffers.Text;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Unicode;

namespace GeneratedBus.EventLog;

/// <summary>
/// What generated codecs share: reading the discriminator, reading values with range checks, and the errors a line
/// can have. Not meant to be called by hand.
/// </summary>
/// <remarks>
/// Inside a read, bad data is thrown as <see cref="JsonException"/> (as <see cref="Utf8JsonReader"/> itself does) and
/// the generated <c>Read</c> turns it into <see cref="EventReadStatus.Malformed"/>: callers never see the exception.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class EventJson
{
    /// <summary>The discriminator's name.</summary>
    public const string EventPropertyName = "Event";

    private static readonly JsonEncodedText s_eventProperty = JsonEncodedText.Encode(EventPropertyName);

    /// <summary>The discriminator's name, encoded for writing.</summary>
    public static JsonEncodedText EventProperty => s_eventProperty;

    /// <summary>The discriminator's name as UTF-8, for comparing with <see cref="Utf8JsonReader.ValueTextEquals(ReadOnlySpan{byte})"/>.</summary>
    public static ReadOnlySpan<byte> EventPropertyUtf8 => "Event"u8;

    /// <summary>
    /// Checks that <paramref name="utf8Line"/> is UTF-8, then reads up to the discriminator's value and returns the
    /// reader on it. When the discriminator is the first property (Spark's and the writer's layout) the members follow
    /// it, and the same reader reads them on; else <see cref="ReadObjectStart"/> starts over for them.
    /// </summary>
    /// <param name="utf8Line">The line.</param>
    /// <param name="options">The limits.</param>
    /// <param name="eventFirst">Whether the discriminator is the object's first property.</param>
    /// <remarks>One reader throughout, not a copy per position: the reader is a large struct, and a line is short.</remarks>
    public static Utf8JsonReader ReadToEventName(ReadOnlySpan<byte> utf8Line, EventJsonReaderOptions options, out bool eventFirst)
    {
        if (!Utf8.IsValid(utf8Line))
        {
            throw new JsonException("The line is not valid UTF-8.");
        }

        var reader = new Utf8JsonReader(utf8Line, (options ?? throw new ArgumentNullException(nameof(options))).ReaderOptions);
        ReadStartObject(ref reader);
        Next(ref reader);
        eventFirst = true;
        while (reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals(EventPropertyUtf8))
            {
                Next(ref reader);
                ExpectEventName(ref reader);
                return reader;
            }

            // Not first: find it among the top-level properties.
            eventFirst = false;
            SkipValue(ref reader);
            Next(ref reader);
        }

        throw new JsonException("The object has no \"Event\" property.");
    }

    /// <summary>
    /// A reader on the object's start, to read the members of a line whose discriminator is not its first property
    /// (so the members before it are read too). <see cref="ReadToEventName"/> has checked the line up to there.
    /// </summary>
    /// <param name="utf8Line">The line.</param>
    /// <param name="options">The limits.</param>
    public static Utf8JsonReader ReadObjectStart(ReadOnlySpan<byte> utf8Line, EventJsonReaderOptions options)
    {
        var reader = new Utf8JsonReader(utf8Line, (options ?? throw new ArgumentNullException(nameof(options))).ReaderOptions);
        ReadStartObject(ref reader);
        return reader;
    }

    /// <summary>
    /// Reads the rest of the line: after an event, to refuse anything behind its object; for an unrecognised event,
    /// to check that the line is still well-formed JSON.
    /// </summary>
    public static void ReadToEnd(ref Utf8JsonReader reader)
    {
        while (reader.Read())
        {
        }

        if (reader.CurrentDepth != 0 || reader.TokenType != JsonTokenType.EndObject)
        {
            throw Truncated();
        }
    }

    /// <summary>Moves to the next token; the end of the line before the object closes is an error.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Next(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            throw Truncated();
        }
    }

    /// <summary>Skips the value after the current property name.</summary>
    public static void SkipValue(ref Utf8JsonReader reader)
    {
        Next(ref reader);
        reader.Skip();
    }

    /// <summary>Whether an exception from reading is bad data, which <c>Read</c> reports as malformed, rather than a bug.</summary>
    public static bool IsDataError(Exception exception)
        => exception is JsonException or InvalidOperationException or FormatException or OverflowException or ArgumentException;

    /// <summary>The reason reported for <paramref name="exception"/>.</summary>
    public static string Describe(Exception exception) => exception.Message;

    /// <summary>The error for a member the type requires and the line lacks.</summary>
    public static JsonException Missing(string member, string type) => new($"The required member \"{member}\" of {type} is missing.");

    /// <summary>The error for a property given twice.</summary>
    public static JsonException Duplicate(string property) => new($"The property \"{property}\" appears more than once.");

    /// <summary>The error for a null where the type does not allow one.</summary>
    public static JsonException NullFor(string member) => new($"\"{member}\" must not be null.");

    /// <summary>The error for a token of the wrong kind.</summary>
    public static JsonException Expected(string what, ref Utf8JsonReader reader)
        => new($"Expected {what} but found {reader.TokenType} at byte {reader.TokenStartIndex}.");

    /// <summary>The error for an enum name the enum does not have.</summary>
    public static JsonException UnknownEnumName(string enumType, ref Utf8JsonReader reader)
        => new($"\"{reader.GetString()}\" is no name of {enumType}.");

    /// <summary>Checks that the current token starts an object.</summary>
    public static void ExpectObject(ref Utf8JsonReader reader, string type)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw Expected("an object for " + type, ref reader);
        }
    }

    /// <summary>Checks that the current token starts an array.</summary>
    public static void ExpectArray(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw Expected("an array", ref reader);
        }
    }

    /// <summary>Reads a string or null.</summary>
    public static string? ReadString(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Null => null,
        _ => throw Expected("a string", ref reader),
    };

    /// <summary>Reads true or false.</summary>
    public static bool ReadBoolean(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        _ => throw Expected("true or false", ref reader),
    };

    /// <summary>Reads a number that fits a <see cref="byte"/>.</summary>
    public static byte ReadByte(ref Utf8JsonReader reader) => Number(ref reader).TryGetByte(out byte value) ? value : throw OutOfRange("Byte", ref reader);

    /// <summary>Reads a number that fits an <see cref="sbyte"/>.</summary>
    public static sbyte ReadSByte(ref Utf8JsonReader reader) => Number(ref reader).TryGetSByte(out sbyte value) ? value : throw OutOfRange("SByte", ref reader);

    /// <summary>Reads a number that fits a <see cref="short"/>.</summary>
    public static short ReadInt16(ref Utf8JsonReader reader) => Number(ref reader).TryGetInt16(out short value) ? value : throw OutOfRange("Int16", ref reader);

    /// <summary>Reads a number that fits a <see cref="ushort"/>.</summary>
    public static ushort ReadUInt16(ref Utf8JsonReader reader) => Number(ref reader).TryGetUInt16(out ushort value) ? value : throw OutOfRange("UInt16", ref reader);

    /// <summary>Reads a number that fits an <see cref="int"/>.</summary>
    public static int ReadInt32(ref Utf8JsonReader reader) => Number(ref reader).TryGetInt32(out int value) ? value : throw OutOfRange("Int32", ref reader);

    /// <summary>Reads a number that fits a <see cref="uint"/>.</summary>
    public static uint ReadUInt32(ref Utf8JsonReader reader) => Number(ref reader).TryGetUInt32(out uint value) ? value : throw OutOfRange("UInt32", ref reader);

    /// <summary>Reads a number that fits a <see cref="long"/>.</summary>
    public static long ReadInt64(ref Utf8JsonReader reader) => Number(ref reader).TryGetInt64(out long value) ? value : throw OutOfRange("Int64", ref reader);

    /// <summary>Reads a number that fits a <see cref="ulong"/>.</summary>
    public static ulong ReadUInt64(ref Utf8JsonReader reader) => Number(ref reader).TryGetUInt64(out ulong value) ? value : throw OutOfRange("UInt64", ref reader);

    /// <summary>Reads a number that fits a <see cref="decimal"/>.</summary>
    public static decimal ReadDecimal(ref Utf8JsonReader reader) => Number(ref reader).TryGetDecimal(out decimal value) ? value : throw OutOfRange("Decimal", ref reader);

    /// <summary>Reads a finite number, or <c>"NaN"</c>, <c>"Infinity"</c> or <c>"-Infinity"</c> as <see cref="WriteDouble"/> writes them.</summary>
    public static double ReadDouble(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return NonFinite(ref reader);
        }

        // An overflowing number parses as an infinity; only the strings above stand for one.
        return Number(ref reader).TryGetDouble(out double value) && double.IsFinite(value) ? value : throw OutOfRange("Double", ref reader);
    }

    /// <summary>Reads a finite number that fits a <see cref="float"/>, or a non-finite one written as a string.</summary>
    public static float ReadSingle(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return (float)NonFinite(ref reader);
        }

        return Number(ref reader).TryGetSingle(out float value) && !float.IsInfinity(value) ? value : throw OutOfRange("Single", ref reader);
    }

    /// <summary>Reads an ISO 8601 date and time.</summary>
    public static DateTime ReadDateTime(ref Utf8JsonReader reader)
        => String(ref reader, "a date and time").TryGetDateTime(out DateTime value) ? value : throw Expected("an ISO 8601 date and time", ref reader);

    /// <summary>Reads an ISO 8601 date and time with its offset.</summary>
    public static DateTimeOffset ReadDateTimeOffset(ref Utf8JsonReader reader)
        => String(ref reader, "a date and time").TryGetDateTimeOffset(out DateTimeOffset value) ? value : throw Expected("an ISO 8601 date and time with offset", ref reader);

    /// <summary>Reads a GUID.</summary>
    public static Guid ReadGuid(ref Utf8JsonReader reader)
        => String(ref reader, "a GUID").TryGetGuid(out Guid value) ? value : throw Expected("a GUID", ref reader);

    /// <summary>Reads a time span in the constant ("c") format, <c>[-][d.]hh:mm:ss[.fffffff]</c>.</summary>
    public static TimeSpan ReadTimeSpan(ref Utf8JsonReader reader)
    {
        String(ref reader, "a time span");
        if (reader.ValueIsEscaped || reader.HasValueSequence)
        {
            // Rare (the writer never escapes a time span): the allocating path.
            return TimeSpan.TryParseExact(reader.GetString(), "c", System.Globalization.CultureInfo.InvariantCulture, out TimeSpan parsed)
                ? parsed
                : throw Expected("a time span as [-][d.]hh:mm:ss[.fffffff]", ref reader);
        }

        ReadOnlySpan<byte> text = reader.ValueSpan;
        return Utf8Parser.TryParse(text, out TimeSpan value, out int consumed, 'c') && consumed == text.Length
            ? value
            : throw Expected("a time span as [-][d.]hh:mm:ss[.fffffff]", ref reader);
    }

    /// <summary>Writes a double; NaN and the infinities, which JSON numbers cannot hold, as strings.</summary>
    public static void WriteDouble(Utf8JsonWriter writer, double value)
    {
        if (double.IsFinite(value))
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            writer.WriteStringValue(double.IsNaN(value) ? "NaN"u8 : value > 0 ? "Infinity"u8 : "-Infinity"u8);
        }
    }

    /// <summary>Writes a float as <see cref="WriteDouble"/> writes a double.</summary>
    public static void WriteSingle(Utf8JsonWriter writer, float value)
    {
        if (float.IsFinite(value))
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            WriteDouble(writer, value);
        }
    }

    /// <summary>Writes a time span in the constant ("c") format, without allocating.</summary>
    public static void WriteTimeSpan(Utf8JsonWriter writer, TimeSpan value)
    {
        Span<byte> buffer = stackalloc byte[32];
        bool formatted = Utf8Formatter.TryFormat(value, buffer, out int written, 'c');
        Invariant.Holds(formatted, "A TimeSpan in the constant format fits 32 bytes.");
        writer.WriteStringValue(buffer[..written]);
    }

    private static double NonFinite(ref Utf8JsonReader reader)
    {
        if (reader.ValueTextEquals("NaN"u8))
        {
            return double.NaN;
        }

        if (reader.ValueTextEquals("Infinity"u8))
        {
            return double.PositiveInfinity;
        }

        return reader.ValueTextEquals("-Infinity"u8) ? double.NegativeInfinity : throw Expected("a number", ref reader);
    }

    private static ref Utf8JsonReader Number(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            throw Expected("a number", ref reader);
        }

        return ref reader;
    }

    private static ref Utf8JsonReader String(ref Utf8JsonReader reader, string what)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw Expected(what, ref reader);
        }

        return ref reader;
    }

    private static void ReadStartObject(ref Utf8JsonReader reader)
    {
        Next(ref reader);
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"The line is a JSON {reader.TokenType}, not an object.");
        }
    }

    private static void ExpectEventName(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw Expected("a string as \"Event\"", ref reader);
        }
    }

    private static JsonException OutOfRange(string type, ref Utf8JsonReader reader)
        => new($"The number at byte {reader.TokenStartIndex} is out of range for {type}.");

    private static JsonException Truncated() => new("The line ends before its JSON object does.");
}
