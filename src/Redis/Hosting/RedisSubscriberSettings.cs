using System;
using GeneratedBus.Redis.Subscribing;

namespace GeneratedBus.Redis.Hosting;

/// <summary>
/// A hosted subscriber's settings, bound from its configuration section (by default <c>GeneratedBus:Redis:Subscriber</c>)
/// and checked when the host starts: the connection, and every <see cref="RedisSubscriberOptions"/> value with the same
/// default. Every key is optional; the connection comes from <see cref="ConnectionString"/> or else from an
/// <c>IConnectionMultiplexer</c> registered in DI.
/// </summary>
public sealed class RedisSubscriberSettings
{
    private static readonly RedisSubscriberOptions s_defaults = new();

    /// <summary>A StackExchange.Redis configuration string (<c>host:port,...</c>); <see langword="null"/> to use the <c>IConnectionMultiplexer</c> in DI.</summary>
    public string? ConnectionString { get; set; }

    /// <inheritdoc cref="RedisSubscriberOptions.StreamName"/>
    public string StreamName { get; set; } = s_defaults.StreamName;

    /// <inheritdoc cref="RedisSubscriberOptions.Group"/>
    public string Group { get; set; } = s_defaults.Group;

    /// <inheritdoc cref="RedisSubscriberOptions.Consumer"/>
    public string Consumer { get; set; } = s_defaults.Consumer;

    /// <inheritdoc cref="RedisSubscriberOptions.BatchSize"/>
    public int BatchSize { get; set; } = s_defaults.BatchSize;

    /// <inheritdoc cref="RedisSubscriberOptions.MaxPollDelay"/>
    public TimeSpan MaxPollDelay { get; set; } = s_defaults.MaxPollDelay;

    /// <inheritdoc cref="RedisSubscriberOptions.ClaimIdleTime"/>
    public TimeSpan ClaimIdleTime { get; set; } = s_defaults.ClaimIdleTime;

    /// <inheritdoc cref="RedisSubscriberOptions.ClaimInterval"/>
    public TimeSpan ClaimInterval { get; set; } = s_defaults.ClaimInterval;

    /// <summary>The longest wait between two attempts to start while Redis is unreachable at startup (from 100 ms, doubling). Default 5 s.</summary>
    public TimeSpan MaxStartRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    internal RedisSubscriberOptions ToOptions() => new()
    {
        StreamName = StreamName,
        Group = Group,
        Consumer = Consumer,
        BatchSize = BatchSize,
        MaxPollDelay = MaxPollDelay,
        ClaimIdleTime = ClaimIdleTime,
        ClaimInterval = ClaimInterval,
    };
}
