using GeneratedBus.Redis.Publishing;
using SparkScheduler.Events;

namespace SparkScheduler.Redis;

/// <summary>
/// A firehose listener on the <c>redis</c> queue that hands every event to the publisher. The queue is a
/// <c>DropWrite</c> queue of its own: while Redis is slow or unreachable it fills and drops, counted, and the simulated
/// driver never waits for Redis.
/// </summary>
internal sealed class RedisForwarder(RedisStreamPublisher<SparkListenerEvent> publisher) : SparkFirehoseListener
{
    /// <inheritdoc/>
    public override void OnEvent(SparkListenerEvent e) => publisher.Append(e);
}
