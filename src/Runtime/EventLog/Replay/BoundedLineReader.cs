using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace GeneratedBus.EventLog.Replay;

/// <summary>
/// Splits a stream into lines (at <c>\n</c>, dropping a <c>\r</c> before it) through a buffer that never grows past
/// the line limit: a longer line fails as soon as the limit is passed, without reading the rest of it. The last line
/// need not end with a line break (Spark's <c>local-1430917381535_1</c> does not).
/// </summary>
internal sealed class BoundedLineReader(Stream stream, string path, int maxLineBytes)
{
    private const int InitialBuffer = 64 * 1024;

    private byte[] _buffer = new byte[Math.Min(InitialBuffer, maxLineBytes + 1)];
    private int _start;
    private int _end;
    private int _scanned;
    private bool _eof;
    private int _lineStart;
    private int _lineLength;

    /// <summary>The line <see cref="MoveNext"/> found, valid until the next call.</summary>
    public ReadOnlySpan<byte> Current => _buffer.AsSpan(_lineStart, _lineLength);

    /// <summary>Lines returned so far: <see cref="Current"/>'s number.</summary>
    public long LineNumber { get; private set; }

    /// <summary>Moves to the next line.</summary>
    /// <returns>False at the end of the stream.</returns>
    /// <exception cref="EventLogFormatException">The line is longer than the limit.</exception>
    public bool MoveNext()
    {
        while (true)
        {
            if (TryTakeLine())
            {
                return true;
            }

            if (_eof)
            {
                return TakeRest();
            }

            int room = MakeRoom();
            Received(stream.Read(_buffer, _end, room));
        }
    }

    /// <summary>Moves to the next line, reading asynchronously.</summary>
    /// <returns>False at the end of the stream.</returns>
    /// <exception cref="EventLogFormatException">The line is longer than the limit.</exception>
    public async ValueTask<bool> MoveNextAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (TryTakeLine())
            {
                return true;
            }

            if (_eof)
            {
                return TakeRest();
            }

            int room = MakeRoom();
            int read = await stream.ReadAsync(_buffer.AsMemory(_end, room), cancellationToken).ConfigureAwait(false);
            Received(read);
        }
    }

    private bool TryTakeLine()
    {
        int newline = _buffer.AsSpan(_scanned, _end - _scanned).IndexOf((byte)'\n');
        if (newline < 0)
        {
            _scanned = _end;
            CheckLength(_end - _start);
            return false;
        }

        int at = _scanned + newline;
        Take(_start, at - _start);
        _start = _scanned = at + 1;
        return true;
    }

    private bool TakeRest()
    {
        if (_start == _end)
        {
            return false;
        }

        Take(_start, _end - _start);
        _start = _scanned = _end;
        return true;
    }

    private void Take(int start, int length)
    {
        if (length > 0 && _buffer[start + length - 1] == (byte)'\r')
        {
            length--;
        }

        CheckLength(length);
        _lineStart = start;
        _lineLength = length;
        LineNumber++;
    }

    private void CheckLength(int length)
    {
        if (length > maxLineBytes)
        {
            throw new EventLogFormatException(path, LineNumber + 1, $"the line is longer than MaxLineBytes ({maxLineBytes} bytes).");
        }
    }

    // Makes room after _end: moves the partial line to the front, or grows the buffer, never past the limit + 1 byte.
    private int MakeRoom()
    {
        if (_end == _buffer.Length)
        {
            int pending = _end - _start;
            if (pending * 2 > _buffer.Length && _buffer.Length <= maxLineBytes)
            {
                var larger = new byte[(int)Math.Min((long)_buffer.Length * 2, maxLineBytes + 2L)];
                _buffer.AsSpan(_start, pending).CopyTo(larger);
                _buffer = larger;
            }
            else
            {
                _buffer.AsSpan(_start, pending).CopyTo(_buffer);
            }

            _scanned -= _start;
            _end = pending;
            _start = 0;
        }

        Debug.Assert(_end < _buffer.Length, "There is room to read into.");
        Debug.Assert(_end - _start <= maxLineBytes + 1, "The buffer never holds more than one line over the limit.");
        return _buffer.Length - _end;
    }

    private void Received(int read)
    {
        if (read == 0)
        {
            _eof = true;
        }
        else
        {
            _end += read;
        }
    }
}
