using System;
using System.Threading;

namespace GeneratedBus.Runtime.Tests.Support;

/// <summary>A clock that counts its reads and advances one tick per read.</summary>
public sealed class CountingTimeProvider : TimeProvider
{
    private long _reads;

    public long Reads => Interlocked.Read(ref _reads);

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Interlocked.Increment(ref _reads);
}
