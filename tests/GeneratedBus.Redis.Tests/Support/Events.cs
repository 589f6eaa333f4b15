namespace GeneratedBus.Redis.Tests.Support;

/// <summary>The root of the test bus: the generator writes ITradeListener, TradeBus and TradeJsonCodec.</summary>
public abstract record TradeEvent(int Producer, long Number);

[BusEvent]
public sealed record TradePlaced(int Producer, long Number, string Symbol) : TradeEvent(Producer, Number);

[BusEvent]
public sealed record TradeSettled(int Producer, long Number) : TradeEvent(Producer, Number);

/// <summary>A subtype of the root that is no [BusEvent]: the bus carries it, the codec cannot write it.</summary>
public sealed record TradeAudited(int Producer, long Number) : TradeEvent(Producer, Number);
