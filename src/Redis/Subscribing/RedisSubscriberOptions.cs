using System;

namespace GeneratedBus.Redis.Subscribing;

/// <summary>How a <see cref="RedisStreamSubscriber{TEvent}"/> reads.</summary>
public sealed class RedisSubscriberOptions
{
    /// <summary>The stream (default <see cref="RedisStreamKeys.DefaultName"/>).</summary>
    public string StreamName { get; set; } = RedisStreamKeys.DefaultName;

    /// <summary>The consumer group: every group receives every event. Created at the stream's start if missing.</summary>
    public string Group { get; set; } = "default";

    /// <summary>This consumer's name within the group; consumers of one group share its entries. Reuse it across restarts to re-read its own pending entries.</summary>
    public string Consumer { get; set; } = Environment.MachineName;

    /// <summary>Most entries per read. Default 256.</summary>
    public int BatchSize { get; set; } = 256;

    /// <summary>The longest wait between two reads that found nothing (it doubles from 1 ms; a notification from the append script wakes it). Default 100 ms.</summary>
    public TimeSpan MaxPollDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How long another consumer's entry must have been pending before this one claims it (XAUTOCLAIM). Default 30 s.</summary>
    public TimeSpan ClaimIdleTime { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often to look for entries to claim. Default 1 s.</summary>
    public TimeSpan ClaimInterval { get; set; } = TimeSpan.FromSeconds(1);

    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrEmpty(Group, nameof(Group));
        ArgumentException.ThrowIfNullOrEmpty(Consumer, nameof(Consumer));
        if (BatchSize < 1) throw new ArgumentException("BatchSize must be at least 1.", nameof(BatchSize));
        if (MaxPollDelay <= TimeSpan.Zero) throw new ArgumentException("MaxPollDelay must be positive.", nameof(MaxPollDelay));
        if (ClaimIdleTime < TimeSpan.Zero) throw new ArgumentException("ClaimIdleTime may not be negative.", nameof(ClaimIdleTime));
        if (ClaimInterval <= TimeSpan.Zero) throw new ArgumentException("ClaimInterval must be positive.", nameof(ClaimInterval));
    }
}
