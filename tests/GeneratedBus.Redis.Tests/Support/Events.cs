namespace GeneratedBus.Redis.Tests.Support;

/// <summary>The root of the test bus: the generator writes ITradeListener, TradeBus and TradeJsonCodec.</summary>
public abstract record TradeEvent(int Producer, long Number);

[BusEvent]
public sealed record TradePlaced(int Producer, long Number, string Symbol) : TradeEvent(Producer, Number);

[BusEvent]
public sealed record TradeSettled(int Producer, long Number) : TradeEvent(Producer, Number);
