using System.Threading;

namespace QuickStart;

/// <summary>Overrides two handlers of the generated no-op base.</summary>
internal sealed class Revenue : ShopListener
{
    public long Cents;
    public int Shipped;

    public override void OnOrderPlaced(OrderPlaced e) => Cents += e.AmountCents;

    public override void OnOrderShipped(OrderShipped e) => Shipped++;
}

/// <summary>Sees every event, including the ones without a handler of their own.</summary>
internal sealed class Audit : ShopFirehoseListener
{
    public long Count;

    public override void OnEvent(ShopEvent e) => Count++;
}

/// <summary>Too slow for the traffic: its own queue fills and drops, and no other queue notices.</summary>
internal sealed class SlowMailer : ShopListener
{
    public override void OnOrderPlaced(OrderPlaced e) => Thread.Sleep(1);
}
