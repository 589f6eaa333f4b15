using GeneratedBus;

namespace Acme.Orders;

/// <summary>The order-processing shape of issue 14: five kinds, as an existing domain model of classes.</summary>
public abstract class OrderEvent
{
    protected OrderEvent(int orderId) => OrderId = orderId;

    /// <summary>The order.</summary>
    public int OrderId { get; }
}

/// <summary>An order was placed.</summary>
[BusEvent]
public sealed class OrderPlaced(int orderId) : OrderEvent(orderId);

/// <summary>An order was paid.</summary>
[BusEvent]
public sealed class OrderPaid(int orderId) : OrderEvent(orderId);

/// <summary>An order was packed.</summary>
[BusEvent]
public sealed class OrderPacked(int orderId) : OrderEvent(orderId);

/// <summary>An order was shipped.</summary>
[BusEvent]
public sealed class OrderShipped(int orderId) : OrderEvent(orderId);

/// <summary>An order was cancelled.</summary>
[BusEvent]
public sealed class OrderCancelled(int orderId) : OrderEvent(orderId);
