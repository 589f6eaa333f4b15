using GeneratedBus;
using Shop.Orders;

namespace Shop.Payments;

/// <summary>A payment was taken for an order.</summary>
/// <param name="OrderId">The order.</param>
/// <param name="Amount">How much.</param>
[BusEvent]
public sealed record PaymentTaken(int OrderId, decimal Amount) : OrderEvent(OrderId);

/// <summary>A note on a payment, whose detail the JSON codec cannot write.</summary>
/// <param name="OrderId">The order.</param>
/// <param name="Detail">Anything: left out of the event log.</param>
// GB0018 on purpose: the app's codec leaves Detail out, and the app's test checks that the app says so too.
#pragma warning disable GB0018
[BusEvent]
public sealed record PaymentNoted(int OrderId, object? Detail) : OrderEvent(OrderId);
#pragma warning restore GB0018
