using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using GeneratedBus.Redis.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace GeneratedBus.Redis.Tests.Hosting;

/// <summary>The hosted bridge's configuration and health, with no redis-server: startup checks, and an unreachable Redis.</summary>
public sealed class HostedSettingsTests
{
    private static readonly TimeSpan Deadline = BridgeHosts.Deadline;

    [Theory]
    [InlineData("GeneratedBus:Redis:Publisher:BatchSize", "0", "GeneratedBus:Redis:Publisher:BatchSize must be at least 1; it is '0'.")]
    [InlineData("GeneratedBus:Redis:Publisher:Capacity", "-1", "GeneratedBus:Redis:Publisher:Capacity must be at least 1; it is '-1'.")]
    [InlineData("GeneratedBus:Redis:Publisher:MaxRetryDelay", "00:00:00.001", "GeneratedBus:Redis:Publisher:MaxRetryDelay must be at least MinRetryDelay")]
    [InlineData("GeneratedBus:Redis:Publisher:ProducerId", "", "GeneratedBus:Redis:Publisher:ProducerId must not be empty")]
    [InlineData("GeneratedBus:Redis:Publisher:ConnectionString", "127.0.0.1:1,nonsense=1", "GeneratedBus:Redis:Publisher:ConnectionString is not a StackExchange.Redis configuration")]
    [InlineData("GeneratedBus:Redis:Publisher:ConnectionString", "abortConnect=false", "GeneratedBus:Redis:Publisher:ConnectionString must name a server (host:port); it is 'abortConnect=false'.")]
    [InlineData("GeneratedBus:Redis:Publisher:BatchSize", "lots", "GeneratedBus:Redis:Publisher:BatchSize")]
    [InlineData("GeneratedBus:Redis:Publisher:BatchSise", "10", "BatchSise")]
    public async Task A_bad_publisher_setting_stops_startup_with_a_message_naming_the_key(string key, string value, string expected)
    {
        var settings = new Dictionary<string, string?> { ["GeneratedBus:Redis:Publisher:ConnectionString"] = "127.0.0.1:1", [key] = value };
        using IHost host = BridgeHosts.Producer(settings);
        Exception error = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync().WaitAsync(Deadline));
        Assert.Contains(expected, Messages(error));
    }

    [Theory]
    [InlineData("GeneratedBus:Redis:Subscriber:Group", "", "GeneratedBus:Redis:Subscriber:Group must not be empty")]
    [InlineData("GeneratedBus:Redis:Subscriber:MaxPollDelay", "00:00:00", "GeneratedBus:Redis:Subscriber:MaxPollDelay must be more than zero; it is '00:00:00'.")]
    [InlineData("GeneratedBus:Redis:Subscriber:ClaimIdleTime", "-00:00:01", "GeneratedBus:Redis:Subscriber:ClaimIdleTime must be zero or more")]
    [InlineData("GeneratedBus:Redis:Subscriber:ConnectionString", null, "GeneratedBus:Redis:Subscriber:ConnectionString is required when no IConnectionMultiplexer is registered in DI")]
    public async Task A_bad_subscriber_setting_stops_startup_with_a_message_naming_the_key(string key, string? value, string expected)
    {
        var settings = new Dictionary<string, string?> { ["GeneratedBus:Redis:Subscriber:ConnectionString"] = "127.0.0.1:1", [key] = value };
        using IHost host = BridgeHosts.Consumer(settings);
        Exception error = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync().WaitAsync(Deadline));
        Assert.Contains(expected, Messages(error));
    }

    [Fact]
    public async Task A_bad_setting_fails_with_an_OptionsValidationException_listing_every_bad_key()
    {
        var settings = new Dictionary<string, string?>
        {
            ["GeneratedBus:Redis:Publisher:ConnectionString"] = "127.0.0.1:1",
            ["GeneratedBus:Redis:Publisher:BatchSize"] = "0",
            ["GeneratedBus:Redis:Publisher:Linger"] = "-00:00:01",
        };
        using IHost host = BridgeHosts.Producer(settings);
        OptionsValidationException error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync().WaitAsync(Deadline));
        Assert.Equal(
            ["GeneratedBus:Redis:Publisher:BatchSize must be at least 1; it is '0'.", "GeneratedBus:Redis:Publisher:Linger must be zero or more; it is '-00:00:01'."],
            error.Failures);
    }

    [Fact]
    public void A_second_publisher_for_the_same_bus_is_refused()
    {
        var services = new ServiceCollection();
        var bus = services.AddTradeBus().AddRedisPublisher(TradeJsonCodec.Instance);
        var error = Assert.Throws<InvalidOperationException>(() => bus.AddRedisPublisher(TradeJsonCodec.Instance, queue: "other"));
        Assert.Contains("A Redis publisher of TradeEvent is registered already", error.Message);
    }

    [Fact]
    public async Task With_Redis_unreachable_the_hosts_start_and_run_and_the_health_check_says_why()
    {
        string nowhere = $"127.0.0.1:{ClosedPort()},connectTimeout=200,connectRetry=0";
        using IHost producer = BridgeHosts.Build(
            services =>
            {
                services.AddTradeBus(o => o.QueueCapacity = 10).AddRedisPublisher(TradeJsonCodec.Instance);
                services.AddHealthChecks().AddRedisBridgeCheck<TradeEvent>();
            },
            new Dictionary<string, string?> { ["GeneratedBus:Redis:Publisher:ConnectionString"] = nowhere, ["GeneratedBus:Redis:Publisher:DisposeTimeout"] = "00:00:00.2" });
        using IHost consumer = BridgeHosts.Consumer(
            new Dictionary<string, string?> { ["GeneratedBus:Redis:Subscriber:ConnectionString"] = nowhere },
            services => services.AddHealthChecks().AddRedisBridgeCheck<TradeEvent>("bridge"));
        await producer.StartAsync().WaitAsync(Deadline);
        await consumer.StartAsync().WaitAsync(Deadline);

        // The application posts on and never waits: the publisher's queue fills and drops, counted.
        TradeBus bus = producer.Services.GetRequiredService<TradeBus>();
        for (int i = 1; i <= 100; i++) bus.Post(new TradePlaced(1, i, "X"));
        await Waiting.UntilAsync(() => Task.FromResult(bus.GetStats().Queues["redis"].Dropped > 0), Deadline, () => "no drop counted");

        HealthReport published = await producer.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync().WaitAsync(Deadline);
        HealthReportEntry publisherEntry = published.Entries["TradeEvent.Redis"];
        Assert.Equal(HealthStatus.Degraded, publisherEntry.Status);
        Assert.Contains("publisher: Redis unreachable", publisherEntry.Description);
        Assert.Contains("dropped (queue full) since the last check", publisherEntry.Description);

        HealthReport consumed = await consumer.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync().WaitAsync(Deadline);
        HealthReportEntry subscriberEntry = consumed.Entries["bridge"];
        Assert.Equal(HealthStatus.Degraded, subscriberEntry.Status);
        Assert.Contains("subscriber not reading", subscriberEntry.Description);

        await consumer.StopAsync().WaitAsync(Deadline);
        await producer.StopAsync().WaitAsync(Deadline);
    }

    private static string Messages(Exception error) =>
        string.Join(" | ", Flatten(error).Select(e => e.Message));

    private static IEnumerable<Exception> Flatten(Exception error)
    {
        yield return error;
        if (error is AggregateException aggregate)
        {
            foreach (Exception inner in aggregate.InnerExceptions.SelectMany(Flatten)) yield return inner;
        }
        else if (error.InnerException is { } inner)
        {
            foreach (Exception e in Flatten(inner)) yield return e;
        }
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port; // closed again when the listener is disposed
    }
}
