using GeneratedBus;
using Shop.Orders;

namespace Shop.Shipping;

/// <summary>An order left the warehouse.</summary>
/// <param name="OrderId">The order.</param>
/// <param name="Carrier">Who carries it.</param>
[BusEvent]
public sealed record OrderShipped(int OrderId, string Carrier) : OrderEvent(OrderId);
