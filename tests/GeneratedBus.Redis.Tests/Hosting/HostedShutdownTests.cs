using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using GeneratedBus.Hosting.Tests.Support;
using GeneratedBus.Redis.Accounting;
using GeneratedBus.Redis.Publishing;
using GeneratedBus.Redis.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace GeneratedBus.Redis.Tests.Hosting;

/// <summary>A hosted publisher stopped while Redis is unreachable: the host's stop is bounded, and what was lost is counted and logged.</summary>
public sealed class HostedShutdownTests(ITestOutputHelper output)
{
    [Fact]
    public async Task With_Redis_unreachable_at_shutdown_the_stop_is_bounded_and_every_event_is_counted_and_balances()
    {
        var logs = new CollectingLoggerProvider();
        string nowhere = $"127.0.0.1:{ClosedPort()},connectTimeout=200,connectRetry=0,syncTimeout=500";
        using IHost producer = BridgeHosts.Build(
            services =>
            {
                services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(3));
                services.AddTradeBus(o => o.QueueCapacity = 10).AddRedisPublisher(TradeJsonCodec.Instance);
            },
            new Dictionary<string, string?>
            {
                ["GeneratedBus:Redis:Publisher:ConnectionString"] = nowhere,
                ["GeneratedBus:Redis:Publisher:BatchSize"] = "1",          // every Append sends, so the queue's thread waits on Redis
                ["GeneratedBus:Redis:Publisher:DisposeTimeout"] = "00:00:00.2",
            },
            logs);
        await producer.StartAsync().WaitAsync(BridgeHosts.Deadline);
        TradeBus bus = producer.Services.GetRequiredService<TradeBus>();
        for (int i = 1; i <= 100; i++) bus.Post(new TradePlaced(1, i, "X"));

        // Bounded: the bus's stop gives up at the host's shutdown timeout, the publisher after its DisposeTimeout.
        await producer.StopAsync().WaitAsync(BridgeHosts.Deadline);

        // Nothing lost silently: every event appended, or dropped by the full queue, or abandoned, or unconfirmed (sent in
        // a call Dispose gave up on: at most the calls in flight, 4 of one event each), and it balances.
        RedisPublisherBalance balance = producer.Services.GetRequiredService<RedisStreamPublisher<TradeEvent>>().GetStats()
            .Balance(bus.GetStats().Queues["redis"]);
        Assert.True(balance.IsBalanced, balance.ToString());
        Assert.Equal((100L, 0L, 100L), (balance.Posted, balance.Appended, balance.DroppedUnreachable + balance.Unconfirmed));
        Assert.InRange(balance.Unconfirmed, 0L, 4L);
        Assert.Contains(logs.Entries, e => e.EventId.Name == "EventsAbandoned");
        LogEntry stopped = Assert.Single(logs.Entries, e => e.EventId.Name == "RedisPublisherStopped");
        Assert.Contains($"dropped (unreachable) {balance.DroppedUnreachable}", stopped.Message);
        Assert.Contains($"unconfirmed {balance.Unconfirmed}: balanced", stopped.Message);
        Assert.DoesNotContain(logs.Entries, e => e.EventId.Name == "RedisPublisherUnbalanced");
        output.WriteLine(stopped.Message);
    }

    [Fact]
    public async Task With_Redis_paused_at_shutdown_the_unanswered_events_are_unconfirmed_logged_and_reported_by_the_health_check()
    {
        using RedisServer? server = RedisServer.StartOrSkip(output);
        if (server is null) return;
        var logs = new CollectingLoggerProvider();
        using IHost producer = BridgeHosts.Build(
            services =>
            {
                services.AddTradeBus().AddRedisPublisher(TradeJsonCodec.Instance);
                services.AddHealthChecks().AddRedisBridgeCheck<TradeEvent>();
            },
            new Dictionary<string, string?>
            {
                ["GeneratedBus:Redis:Publisher:ConnectionString"] = server.Configuration,
                ["GeneratedBus:Redis:Publisher:StreamName"] = "paused-stop",
                ["GeneratedBus:Redis:Publisher:BatchSize"] = "10",            // 20 events: two full batches, sent at once
                ["GeneratedBus:Redis:Publisher:Linger"] = "00:10:00",
                ["GeneratedBus:Redis:Publisher:DisposeTimeout"] = "00:00:01",
            },
            logs);
        await producer.StartAsync().WaitAsync(BridgeHosts.Deadline);
        TradeBus bus = producer.Services.GetRequiredService<TradeBus>();
        HealthCheckService health = producer.Services.GetRequiredService<HealthCheckService>();
        Assert.Equal(HealthStatus.Healthy, (await health.CheckHealthAsync().WaitAsync(BridgeHosts.Deadline)).Status);

        server.Pause();
        try
        {
            for (int i = 1; i <= 20; i++) bus.Post(new TradePlaced(1, i, "X"));
            await producer.StopAsync().WaitAsync(BridgeHosts.Deadline);
        }
        finally
        {
            server.Resume();
        }

        RedisPublisherBalance balance = producer.Services.GetRequiredService<RedisStreamPublisher<TradeEvent>>().GetStats()
            .Balance(bus.GetStats().Queues["redis"]);
        Assert.True(balance.IsBalanced, balance.ToString());
        Assert.Equal((20L, 20L, 0L), (balance.Posted, balance.Unconfirmed, balance.DroppedUnreachable));
        LogEntry stopped = Assert.Single(logs.Entries, e => e.EventId.Name == "RedisPublisherStopped");
        Assert.Contains("unconfirmed 20: balanced", stopped.Message, StringComparison.Ordinal);
        LogEntry gaveUp = Assert.Single(logs.Entries, e => e.EventId.Name == "RedisPublisherGaveUp");
        Assert.Equal(LogLevel.Warning, gaveUp.Level);
        Assert.Contains("20 events were sent but never answered", gaveUp.Message, StringComparison.Ordinal);

        HealthReportEntry entry = (await health.CheckHealthAsync().WaitAsync(BridgeHosts.Deadline)).Entries["TradeEvent.Redis"];
        Assert.Equal(HealthStatus.Degraded, entry.Status);
        Assert.Contains("publisher: 20 unconfirmed (sent, never answered) since the last check", entry.Description, StringComparison.Ordinal);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
