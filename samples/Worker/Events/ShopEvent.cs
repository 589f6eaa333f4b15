using GeneratedBus;

namespace ShopWorker.Events;

/// <summary>
/// The root of the shop's events: the generator writes <c>ShopBus</c>, <c>IShopListener</c> and, with
/// GeneratedBus.Hosting referenced, <c>services.AddShopBus()</c>.
/// </summary>
/// <param name="OrderId">The order the event is about.</param>
public abstract record ShopEvent(long OrderId);

/// <summary>A customer placed an order.</summary>
/// <param name="OrderId">The order.</param>
/// <param name="Customer">Who placed it.</param>
/// <param name="Total">What it costs, in cents.</param>
[BusEvent]
public sealed record OrderPlaced(long OrderId, string Customer, long Total) : ShopEvent(OrderId);

/// <summary>The order's payment was captured.</summary>
/// <param name="OrderId">The order.</param>
/// <param name="Amount">The amount captured, in cents.</param>
[BusEvent]
public sealed record PaymentCaptured(long OrderId, long Amount) : ShopEvent(OrderId);

/// <summary>The order left the warehouse.</summary>
/// <param name="OrderId">The order.</param>
/// <param name="Carrier">Who carries it.</param>
[BusEvent]
public sealed record OrderShipped(long OrderId, string Carrier) : ShopEvent(OrderId);
