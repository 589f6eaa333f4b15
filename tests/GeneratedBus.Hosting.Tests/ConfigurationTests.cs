using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using GeneratedBus.Hosting.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GeneratedBus.Hosting.Tests;

/// <summary>The bus's section: bound, validated at startup with the key named, and the named listeners it switches on.</summary>
public class ConfigurationTests
{
    private const string Section = "GeneratedBus:OrderBus";

    [Fact]
    public async Task The_section_binds_capacities_full_modes_timeouts_and_name()
    {
        using IHost host = Build(new()
        {
            [$"{Section}:QueueCapacity"] = "500",
            [$"{Section}:QueueFullMode"] = "Wait",
            [$"{Section}:Queues:small:Capacity"] = "3",
            [$"{Section}:Queues:small:FullMode"] = "DropWrite",
            [$"{Section}:ExitTimeout"] = "00:00:05",
            [$"{Section}:Name"] = "orders",
        });
        await host.StartBounded();
        var bus = host.Services.GetRequiredService<OrderBus>();
        var blocking = host.Services.GetRequiredService<BlockingListener>();

        // small drops when full (DropWrite), while shared (Wait, from QueueFullMode) would make the poster wait.
        bus.Post(new OrderPlaced(0));
        blocking.WaitUntilEntered();
        for (int i = 1; i <= 10; i++)
        {
            bus.Post(new OrderShipped(i));
        }

        Assert.Equal("orders", bus.Name);
        BusStats stats = bus.GetStats();
        Assert.Equal(500, stats.Queues["shared"].Capacity);
        Assert.Equal(3, stats.Queues["small"].Capacity);
        Assert.Equal(7, stats.Queues["small"].Dropped);
        blocking.Release();
        await host.StopBounded();
    }

    [Theory]
    [InlineData("Queues:small:Capacity", "0", "GeneratedBus:OrderBus:Queues:small:Capacity must be between 1 and")]
    [InlineData("QueueCapacity", "-5", "GeneratedBus:OrderBus:QueueCapacity must be between 1 and")]
    [InlineData("DropReportInterval", "00:00:00", "GeneratedBus:OrderBus:DropReportInterval must be more than zero")]
    [InlineData("ExitTimeout", "-00:00:02", "GeneratedBus:OrderBus:ExitTimeout must be zero or more")]
    [InlineData("Queues:small:FullMode", "7", "GeneratedBus:OrderBus:Queues:small:FullMode must be DropWrite or Wait; it is 7")]
    [InlineData("QueueCapacity", "lots", "GeneratedBus:OrderBus:QueueCapacity")]
    [InlineData("QueueFullMode", "Block", "GeneratedBus:OrderBus:QueueFullMode")]
    [InlineData("QueueCapasity", "10", "QueueCapasity")]
    public async Task A_bad_value_stops_startup_with_a_message_naming_the_key(string key, string value, string expected)
    {
        using IHost host = Build(new() { [$"{Section}:{key}"] = value });

        Exception error = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync().WaitAsync(TestHost.Deadline));

        Assert.Contains(expected, Messages(error));
    }

    [Fact]
    public async Task An_unknown_listener_name_stops_startup_listing_the_known_names()
    {
        using IHost host = Build(new() { [$"{Section}:Listeners:0"] = "audit", [$"{Section}:Listeners:1"] = "audti" });

        Exception error = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync().WaitAsync(TestHost.Deadline));

        Assert.Contains("GeneratedBus:OrderBus:Listeners:1 names listener 'audti', which OrderBus does not know; known names: audit, counting.", Messages(error));
    }

    [Fact]
    public async Task A_named_listener_is_on_only_when_the_section_names_it()
    {
        using (IHost off = Build(new()))
        {
            await off.StartBounded();
            Assert.Empty(off.Services.GetRequiredService<OrderBus>().FindListenersByType<AuditListener>());
            await off.StopBounded();
        }

        using IHost on = Build(new() { [$"{Section}:Listeners:0"] = "audit" });
        await on.StartBounded();
        var bus = on.Services.GetRequiredService<OrderBus>();
        bus.Post(new OrderShipped(1));
        bus.WaitUntilEmpty(TestHost.Deadline);
        Assert.Equal(1, on.Services.GetRequiredService<AuditListener>().Count);
        Assert.Equal(["audit", "shared", "small"], bus.ActiveQueues);
        await on.StopBounded();
    }

    private static IHost Build(Dictionary<string, string?> settings) => TestHost.Build(
        services =>
        {
            services.AddSingleton<Ledger>();
            services.AddOrderBus()
                .AddListener<CountingListener>()
                .AddListener<BlockingListener>("small")
                .AddNamedListener<AuditListener>("audit", "audit")
                .AddNamedListener<CountingListener>("counting", "counting")
                .BindConfiguration(Section);
        },
        settings);

    private static string Messages(Exception error)
    {
        var messages = new List<string>();
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            messages.Add(e.Message);
        }

        return string.Join(" | ", messages);
    }
}
