namespace Shop.Orders;

public abstract record OrderEvent(int OrderId);

// List<string> needs the implicit usings: the snapshot compiles only if the package recorded the project's settings.
[GeneratedBus.BusEvent] public sealed record OrderPlaced(int OrderId, List<string> Skus) : OrderEvent(OrderId);

[GeneratedBus.BusEvent] public sealed record OrderShipped(int OrderId) : OrderEvent(OrderId);
