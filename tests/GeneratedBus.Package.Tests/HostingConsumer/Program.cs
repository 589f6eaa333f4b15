using System;
using System.Threading.Tasks;
using GeneratedBus;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace HostingConsumer;

public abstract record ShopEvent;

[BusEvent] public sealed record OrderPlaced(int OrderId, long Amount) : ShopEvent;

public sealed class Totals : ShopListener
{
    public long Amount;

    public override void OnOrderPlaced(OrderPlaced e) => Amount += e.Amount;
}

public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        HostApplicationBuilder builder = Host.CreateApplicationBuilder(args);
        builder.Services.AddShopBus().AddListener<Totals>();
        builder.Services.AddHealthChecks().AddShopBusCheck();
        using IHost host = builder.Build();
        await host.StartAsync();
        var bus = host.Services.GetRequiredService<ShopBus>();
        bus.Post(new OrderPlaced(1, 10));
        bus.Post(new OrderPlaced(2, 5));
        bus.WaitUntilEmpty(TimeSpan.FromSeconds(30));
        await host.StopAsync();
        Console.WriteLine($"hosted amount={host.Services.GetRequiredService<Totals>().Amount}");
        return 0;
    }
}
