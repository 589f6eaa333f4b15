using GeneratedBus.Redis.Publishing;

namespace GeneratedBus.Redis.Tests.Support;

/// <summary>The glue a user writes: a firehose listener of the bus that hands every event to the publisher.</summary>
public sealed class RedisForwarder(RedisStreamPublisher<TradeEvent> publisher) : TradeFirehoseListener
{
    public override void OnEvent(TradeEvent e) => publisher.Append(e);
}
