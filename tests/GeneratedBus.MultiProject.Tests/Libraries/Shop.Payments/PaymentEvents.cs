using GeneratedBus;
using Shop.Orders;

namespace Shop.Payments;

/// <summary>A payment was taken for an order.</summary>
/// <param name="OrderId">The order.</param>
/// <param name="Amount">How much.</param>
[BusEvent]
public sealed record PaymentTaken(int OrderId, decimal Amount) : OrderEvent(OrderId);
