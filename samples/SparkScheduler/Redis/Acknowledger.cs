using GeneratedBus.Redis.Subscribing;
using SparkScheduler.Events;

namespace SparkScheduler.Redis;

/// <summary>The LAST listener of history's queue: the queue has processed the event, so its entry may be acknowledged.</summary>
internal sealed class Acknowledger(RedisStreamSubscriber<SparkListenerEvent> subscriber) : SparkFirehoseListener
{
    /// <inheritdoc/>
    public override void OnEvent(SparkListenerEvent e) => subscriber.Processed(e);
}
