using System;
using System.Text.Json;

namespace GeneratedBus.EventLog;

/// <summary>
/// Writes a bus's events as JSON objects, one per line, and reads such lines back. The generator implements it for
/// every bus as <c>{Bus}JsonCodec</c>, with no reflection: the codec only knows the bus's own [BusEvent] types.
/// </summary>
/// <typeparam name="TEvent">The bus's event type (its root).</typeparam>
public interface IEventJsonCodec<TEvent>
{
    /// <summary>
    /// Writes <paramref name="event"/> as one JSON object whose first property is <c>"Event"</c>. With a writer made
    /// without indentation the object is a single line; the caller adds the line break (see <see cref="EventLineWriter{TEvent}"/>).
    /// </summary>
    /// <exception cref="ArgumentException">The event's type is no [BusEvent] type of this bus.</exception>
    void Write(Utf8JsonWriter writer, TEvent @event);

    /// <summary>Reads one line (one JSON object, without its line break) with <paramref name="options"/>' limits.</summary>
    /// <returns>The event, the unrecognised name, or why the line is malformed; never an exception for bad data.</returns>
    EventReadResult<TEvent> Read(ReadOnlySpan<byte> utf8Line, EventJsonReaderOptions options);
}
