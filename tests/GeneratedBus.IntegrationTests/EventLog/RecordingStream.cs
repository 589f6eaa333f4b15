using System;
using System.IO;
using System.Threading;

namespace GeneratedBus.IntegrationTests.EventLog;

/// <summary>A write-only stream that keeps what reached it, counts flushes, and fails on demand.</summary>
internal sealed class RecordingStream : Stream
{
    private readonly MemoryStream _bytes = new();
    private int _flushes;

    /// <summary>While true, writes and flushes throw <see cref="IOException"/>.</summary>
    public volatile bool Fail;

    public int Flushes => Volatile.Read(ref _flushes);

    public long Written
    {
        get
        {
            lock (_bytes)
            {
                return _bytes.Length;
            }
        }
    }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public byte[] ToArray()
    {
        lock (_bytes)
        {
            return _bytes.ToArray();
        }
    }

    public override void Flush()
    {
        ThrowIfFailing();
        Interlocked.Increment(ref _flushes);
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        ThrowIfFailing();
        lock (_bytes)
        {
            _bytes.Write(buffer);
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    private void ThrowIfFailing()
    {
        if (Fail)
        {
            throw new IOException("The disk is full.");
        }
    }
}
