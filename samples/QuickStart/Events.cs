using GeneratedBus;

namespace QuickStart;

/// <summary>The root of the shop's bus; the generator names the bus after it: <c>ShopBus</c>.</summary>
public abstract record ShopEvent;

/// <summary>A customer placed an order.</summary>
[BusEvent]
public sealed record OrderPlaced(int OrderId, long AmountCents) : ShopEvent;

/// <summary>An order left the warehouse.</summary>
[BusEvent]
public sealed record OrderShipped(int OrderId) : ShopEvent;

/// <summary>No attribute: listeners see it in <c>OnOtherEvent</c>.</summary>
public sealed record CartAbandoned(int CartId) : ShopEvent;
