using GeneratedBus;

namespace Shop.Orders;

/// <summary>Something that happened to an order.</summary>
/// <param name="OrderId">The order.</param>
public abstract record OrderEvent(int OrderId);

/// <summary>An order was placed; <see cref="OrderShipped"/> follows once it is packed.</summary>
/// <param name="OrderId">The order.</param>
/// <param name="Skus">What was ordered: List comes from the implicit usings.</param>
[BusEvent]
public sealed record OrderPlaced(int OrderId, List<string> Skus) : OrderEvent(OrderId);

/// <summary>An order left the warehouse.</summary>
/// <param name="OrderId">The order.</param>
/// <param name="Carrier">Who carries it, when known.</param>
[BusEvent]
public sealed record OrderShipped(int OrderId, string? Carrier) : OrderEvent(OrderId);

/// <summary>An order was cancelled before it shipped.</summary>
/// <param name="OrderId">The order.</param>
[BusEvent]
public sealed record OrderCancelled(int OrderId) : OrderEvent(OrderId);
