using System;

namespace GeneratedBus.Redis.Publishing;

/// <summary>How a <see cref="RedisStreamPublisher{TEvent}"/> appends.</summary>
public sealed class RedisPublisherOptions
{
    /// <summary>The stream (default <see cref="RedisStreamKeys.DefaultName"/>).</summary>
    public string StreamName { get; set; } = RedisStreamKeys.DefaultName;

    /// <summary>
    /// This producer's id. It must be unique per run: the sequence restarts at 1 with each publisher, and a reused id
    /// makes the script take the new events for duplicates. Default: host, process id and a random suffix.
    /// </summary>
    public string ProducerId { get; set; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>Most entries the stream may hold; beyond it the script drops new events and counts them. Default 1,000,000.</summary>
    public long Capacity { get; set; } = 1_000_000;

    /// <summary>Most events per script call. Default 256.</summary>
    public int BatchSize { get; set; } = 256;

    /// <summary>
    /// Most script calls awaiting their replies at once (1 to 8). While they travel and run, the next batch is encoded,
    /// so the application's side and Redis's work in parallel. Per-producer order holds whatever fails: a call sent
    /// while an earlier one was in flight is refused by the script until that one is handled. Default 4.
    /// </summary>
    public int MaxBatchesInFlight { get; set; } = 4;

    /// <summary>How long an incomplete batch waits for more events before it is sent. Default 1 ms.</summary>
    public TimeSpan Linger { get; set; } = TimeSpan.FromMilliseconds(1);

    /// <summary>The first wait before retrying a call that failed on the connection; it doubles up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan MinRetryDelay { get; set; } = TimeSpan.FromMilliseconds(10);

    /// <summary>The longest wait between retries. Default 1 s.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long <c>Dispose</c> keeps retrying the last batch before it gives up: what was never sent counts as abandoned, what was sent and never answered as unconfirmed. Default 5 s.</summary>
    public TimeSpan DisposeTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Whether the script publishes a wake-up to idle subscribers after it appended. Default on.</summary>
    public bool NotifySubscribers { get; set; } = true;

    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrEmpty(ProducerId, nameof(ProducerId));
        if (Capacity < 1) throw new ArgumentException("Capacity must be at least 1.", nameof(Capacity));
        if (BatchSize < 1) throw new ArgumentException("BatchSize must be at least 1.", nameof(BatchSize));
        if (MaxBatchesInFlight < 1 || MaxBatchesInFlight > Scripts.AppendScript.RepliesKept)
            throw new ArgumentException($"MaxBatchesInFlight must be 1 to {Scripts.AppendScript.RepliesKept}.", nameof(MaxBatchesInFlight));
        if (Linger < TimeSpan.Zero) throw new ArgumentException("Linger may not be negative.", nameof(Linger));
        if (MinRetryDelay <= TimeSpan.Zero || MaxRetryDelay < MinRetryDelay)
            throw new ArgumentException("Retry delays must be positive, MaxRetryDelay at least MinRetryDelay.", nameof(MinRetryDelay));
    }
}
