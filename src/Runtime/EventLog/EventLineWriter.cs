using System;
using System.Buffers;
using System.Text.Json;

namespace GeneratedBus.EventLog;

/// <summary>
/// Writes events as JSON lines to an <see cref="IBufferWriter{T}"/>: each event one object, then <c>\n</c>. It reuses
/// one <see cref="Utf8JsonWriter"/> and one line buffer, so once warm a line allocates nothing.
/// </summary>
/// <typeparam name="TEvent">The bus's event type.</typeparam>
/// <remarks>
/// A line is built apart and copied to the output only when complete, so an event that fails to write (a type the codec
/// does not know, a cyclic graph) leaves no partial line behind. Not thread-safe: one writer per thread or queue.
/// </remarks>
public sealed class EventLineWriter<TEvent> : IDisposable
{
    private readonly IEventJsonCodec<TEvent> _codec;
    private readonly IBufferWriter<byte> _output;
    private readonly ArrayBufferWriter<byte> _line = new(1024);
    private readonly Utf8JsonWriter _writer;

    /// <summary>Creates a writer of <paramref name="codec"/>'s events to <paramref name="output"/>.</summary>
    public EventLineWriter(IEventJsonCodec<TEvent> codec, IBufferWriter<byte> output)
    {
        _codec = codec ?? throw new ArgumentNullException(nameof(codec));
        _output = output ?? throw new ArgumentNullException(nameof(output));
        _writer = new Utf8JsonWriter(_line, new JsonWriterOptions { Indented = false });
    }

    /// <summary>Writes <paramref name="event"/> as one line, line break included.</summary>
    /// <returns>The number of bytes written to the output.</returns>
    /// <exception cref="ArgumentException">The event's type is no [BusEvent] type of the codec's bus.</exception>
    public int WriteLine(TEvent @event)
    {
        try
        {
            _codec.Write(_writer, @event);
            _writer.Flush();
            ReadOnlySpan<byte> line = _line.WrittenSpan;
            Span<byte> target = _output.GetSpan(line.Length + 1);
            line.CopyTo(target);
            target[line.Length] = (byte)'\n';
            _output.Advance(line.Length + 1);
            return line.Length + 1;
        }
        finally
        {
            _line.ResetWrittenCount();
            _writer.Reset(_line);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _writer.Dispose();
}
