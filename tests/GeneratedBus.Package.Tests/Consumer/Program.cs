using System;
using GeneratedBus;

namespace Consumer;

public abstract record ShopEvent;

[BusEvent] public sealed record OrderPlaced(int OrderId, long Amount) : ShopEvent;

[BusEvent] public sealed record OrderShipped(int OrderId) : ShopEvent;

public sealed class Totals : ShopListener
{
    public long Amount;
    public int Shipped;

    public override void OnOrderPlaced(OrderPlaced e) => Amount += e.Amount;

    public override void OnOrderShipped(OrderShipped e) => Shipped++;
}

public static class Program
{
    public static int Main()
    {
        var totals = new Totals();
        using var bus = new ShopBus();
        bus.AddToSharedQueue(totals);
        bus.Start();
        bus.Post(new OrderPlaced(1, 10));
        bus.Post(new OrderPlaced(2, 5));
        bus.Post(new OrderShipped(1));
        bus.WaitUntilEmpty(TimeSpan.FromSeconds(30));
        bus.Stop();
        Console.WriteLine($"amount={totals.Amount} shipped={totals.Shipped} posted={bus.GetStats().EventsPosted}");
        return 0;
    }
}
