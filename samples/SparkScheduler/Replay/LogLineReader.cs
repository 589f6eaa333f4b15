using System;
using System.Buffers;
using System.IO;

namespace SparkScheduler.Replay;

/// <summary>
/// Splits an event log into lines, with their numbers, holding at most one line (up to <see cref="MaxLineBytes"/>) in
/// memory. A final line without a line break is a line; <c>\r\n</c> endings lose their <c>\r</c>.
/// </summary>
/// <remarks>
/// The sample's own reader until the runtime's replay lands; it only splits, the generated codec reads each line.
/// </remarks>
internal sealed class LogLineReader : IDisposable
{
    /// <summary>The longest line accepted when none is set: Spark's largest lines (SQL plans) stay far below.</summary>
    public const int DefaultMaxLineBytes = 16 << 20;

    private readonly Stream _stream;
    private byte[] _buffer;
    private int _start, _end;
    private bool _eof;

    public LogLineReader(Stream stream, int maxLineBytes = DefaultMaxLineBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLineBytes, 1);
        _stream = stream ?? throw new ArgumentNullException(nameof(stream));
        MaxLineBytes = maxLineBytes;
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Min(maxLineBytes + 1, 64 * 1024));
    }

    /// <summary>The longest line, in bytes, without its line break.</summary>
    public int MaxLineBytes { get; }

    /// <summary>Lines handed out so far.</summary>
    public long LineNumber { get; private set; }

    /// <summary>The next line, or false at the end of the log.</summary>
    /// <exception cref="InvalidDataException">The line is longer than <see cref="MaxLineBytes"/>.</exception>
    public bool TryRead(out LogLine line)
    {
        while (true)
        {
            int newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            if (newline >= 0 || (_eof && _end > _start))
            {
                int stop = newline >= 0 ? newline : _end;
                int length = stop - _start;
                if (length > 0 && _buffer[stop - 1] == (byte)'\r')
                {
                    length--;
                }

                CheckLength(length);
                LineNumber++;
                var bytes = new ReadOnlySpan<byte>(_buffer, _start, length);
                _start = newline >= 0 ? newline + 1 : _end;
                line = new LogLine(LineNumber, bytes);
                return true;
            }

            if (_eof)
            {
                line = default;
                return false;
            }

            CheckLength(_end - _start);
            Fill();
        }
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }

    private void CheckLength(int length)
    {
        if (length > MaxLineBytes)
        {
            throw new InvalidDataException($"the line is longer than {MaxLineBytes:N0} bytes");
        }
    }

    // Reads more bytes after the unread ones: moves them to the front, grows the buffer when full (up to the limit).
    private void Fill()
    {
        if (_start > 0 && _start == _end)
        {
            _start = _end = 0;
        }

        if (_end == _buffer.Length)
        {
            if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }
            else
            {
                byte[] bigger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)_buffer.Length * 2, (long)MaxLineBytes + 2));
                Buffer.BlockCopy(_buffer, 0, bigger, 0, _end);
                ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = bigger;
            }
        }

        int read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            _eof = true;
        }

        _end += read;
    }
}
