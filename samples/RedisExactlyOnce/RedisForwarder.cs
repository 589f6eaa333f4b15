using GeneratedBus.Redis.Publishing;

namespace RedisExactlyOnce;

/// <summary>The producer's glue: a firehose listener on a queue of its own hands every event to the publisher.</summary>
public sealed class RedisForwarder(RedisStreamPublisher<LedgerEvent> publisher) : LedgerFirehoseListener
{
    /// <inheritdoc />
    public override void OnEvent(LedgerEvent e) => publisher.Append(e);
}
