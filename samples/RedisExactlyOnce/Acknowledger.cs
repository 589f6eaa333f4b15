using GeneratedBus.Redis.Subscribing;

namespace RedisExactlyOnce;

/// <summary>The LAST listener on the subscriber's queue: the queue has processed the event, so it may be acknowledged.</summary>
public sealed class Acknowledger(RedisStreamSubscriber<LedgerEvent> subscriber) : LedgerFirehoseListener
{
    /// <inheritdoc />
    public override void OnEvent(LedgerEvent e) => subscriber.Processed(e);
}
