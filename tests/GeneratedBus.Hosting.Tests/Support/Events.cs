namespace GeneratedBus.Hosting.Tests.Support;

/// <summary>The root of the test bus: the generator writes IOrderListener, OrderBus and, with Hosting referenced, AddOrderBus.</summary>
public abstract record OrderEvent(int Id);

[BusEvent]
public sealed record OrderPlaced(int Id) : OrderEvent(Id);

[BusEvent]
public sealed record OrderShipped(int Id) : OrderEvent(Id);
