using System;
using GeneratedBus.Redis.Publishing;

namespace GeneratedBus.Redis.Hosting;

/// <summary>
/// A hosted publisher's settings, bound from its configuration section (by default <c>GeneratedBus:Redis:Publisher</c>)
/// and checked when the host starts: the connection, and every <see cref="RedisPublisherOptions"/> value with the same
/// default. Every key is optional; the connection comes from <see cref="ConnectionString"/> or else from an
/// <c>IConnectionMultiplexer</c> registered in DI.
/// </summary>
public sealed class RedisPublisherSettings
{
    private static readonly RedisPublisherOptions s_defaults = new();

    /// <summary>A StackExchange.Redis configuration string (<c>host:port,...</c>); <see langword="null"/> to use the <c>IConnectionMultiplexer</c> in DI.</summary>
    public string? ConnectionString { get; set; }

    /// <inheritdoc cref="RedisPublisherOptions.StreamName"/>
    public string StreamName { get; set; } = s_defaults.StreamName;

    /// <summary>This producer's id, unique per run; <see langword="null"/> for host, process id and a random suffix.</summary>
    public string? ProducerId { get; set; }

    /// <inheritdoc cref="RedisPublisherOptions.Capacity"/>
    public long Capacity { get; set; } = s_defaults.Capacity;

    /// <inheritdoc cref="RedisPublisherOptions.BatchSize"/>
    public int BatchSize { get; set; } = s_defaults.BatchSize;

    /// <inheritdoc cref="RedisPublisherOptions.Linger"/>
    public TimeSpan Linger { get; set; } = s_defaults.Linger;

    /// <inheritdoc cref="RedisPublisherOptions.MinRetryDelay"/>
    public TimeSpan MinRetryDelay { get; set; } = s_defaults.MinRetryDelay;

    /// <inheritdoc cref="RedisPublisherOptions.MaxRetryDelay"/>
    public TimeSpan MaxRetryDelay { get; set; } = s_defaults.MaxRetryDelay;

    /// <inheritdoc cref="RedisPublisherOptions.DisposeTimeout"/>
    public TimeSpan DisposeTimeout { get; set; } = s_defaults.DisposeTimeout;

    /// <inheritdoc cref="RedisPublisherOptions.NotifySubscribers"/>
    public bool NotifySubscribers { get; set; } = s_defaults.NotifySubscribers;

    internal RedisPublisherOptions ToOptions()
    {
        var options = new RedisPublisherOptions
        {
            StreamName = StreamName,
            Capacity = Capacity,
            BatchSize = BatchSize,
            Linger = Linger,
            MinRetryDelay = MinRetryDelay,
            MaxRetryDelay = MaxRetryDelay,
            DisposeTimeout = DisposeTimeout,
            NotifySubscribers = NotifySubscribers,
        };
        if (ProducerId is not null)
        {
            options.ProducerId = ProducerId;
        }

        return options;
    }
}
