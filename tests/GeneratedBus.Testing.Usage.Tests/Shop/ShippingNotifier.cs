namespace Shop.Orders;

/// <summary>Tells the customer their order shipped: the only event it handles, which the queues' interest filter reads.</summary>
public sealed class ShippingNotifier : OrderListener
{
    /// <summary>The carriers named so far.</summary>
    public List<string> Carriers { get; } = [];

    /// <inheritdoc />
    public override void OnOrderShipped(OrderShipped e) => Carriers.Add(e.Carrier ?? "unknown");
}
