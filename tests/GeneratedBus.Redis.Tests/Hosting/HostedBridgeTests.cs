using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using GeneratedBus.Redis.Accounting;
using GeneratedBus.Redis.Publishing;
using GeneratedBus.Redis.Subscribing;
using GeneratedBus.Hosting.Tests.Support;
using GeneratedBus.Redis.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace GeneratedBus.Redis.Tests.Hosting;

/// <summary>
/// The bridge in generic hosts, as users wire it: <c>AddTradeBus().AddRedisPublisher(...)</c> in one host,
/// <c>AddTradeBus().AddRedisSubscriber(...)</c> in another, through a real private redis-server.
/// </summary>
public sealed class HostedBridgeTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Deadline = BridgeHosts.Deadline;

    [Fact]
    public async Task A_publisher_host_and_a_subscriber_host_round_trip_every_event_in_order_and_the_balance_is_exact()
    {
        using RedisServer? server = RedisServer.StartOrSkip(output);
        if (server is null) return;
        const int events = 500;
        var logs = new CollectingLoggerProvider();

        // The consumer takes its connection from DI; the producer from its configured connection string.
        using ConnectionMultiplexer shared = server.Connect();
        using IHost consumer = BridgeHosts.Consumer(
            new Dictionary<string, string?> { ["GeneratedBus:Redis:Subscriber:StreamName"] = "trips", ["GeneratedBus:Redis:Subscriber:Group"] = "audit", ["GeneratedBus:Redis:Subscriber:Consumer"] = "a1" },
            services => services.AddSingleton<IConnectionMultiplexer>(shared).AddHealthChecks().AddRedisBridgeCheck<TradeEvent>(),
            logs);
        using IHost producer = BridgeHosts.Producer(
            new Dictionary<string, string?> { ["GeneratedBus:Redis:Publisher:ConnectionString"] = server.Configuration, ["GeneratedBus:Redis:Publisher:StreamName"] = "trips", ["GeneratedBus:Redis:Publisher:ProducerId"] = "shop-1" },
            logs);
        await consumer.StartAsync().WaitAsync(Deadline);
        await producer.StartAsync().WaitAsync(Deadline);

        TradeBus producerBus = producer.Services.GetRequiredService<TradeBus>();
        for (int i = 1; i <= events; i++) producerBus.Post(new TradePlaced(1, i, "X"));
        HostedRecorder recorder = consumer.Services.GetRequiredService<HostedRecorder>();
        await Waiting.UntilAsync(() => Task.FromResult(recorder.Count >= events), Deadline, () => $"{recorder.Count} of {events} recorded");
        HealthReport health = await consumer.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync().WaitAsync(Deadline);

        await producer.StopAsync().WaitAsync(Deadline);
        await consumer.StopAsync().WaitAsync(Deadline);

        // Every event once, in order, each with its delivery: this producer's id and sequence.
        List<(TradeEvent Event, RedisDelivery Delivery)> seen = recorder.Snapshot();
        Assert.Equal(Enumerable.Range(1, events).Select(i => (long)i), seen.Select(s => s.Event.Number));
        Assert.All(seen, s => Assert.Equal(("shop-1", s.Event.Number), (s.Delivery.Producer, s.Delivery.Sequence)));
        Assert.Equal(HealthStatus.Healthy, health.Status);

        // The publisher's balance with its queue (flushed after the bus drained), and the group's on the server.
        RedisPublisherBalance published = producer.Services.GetRequiredService<RedisStreamPublisher<TradeEvent>>().GetStats()
            .Balance(producerBus.GetStats().Queues["redis"]);
        Assert.True(published.IsBalanced, published.ToString());
        Assert.Equal(events, published.Appended);
        RedisStreamBalance balance = await RedisStreamBalance.ReadAsync(shared.GetDatabase(), new RedisStreamKeys("trips"));
        RedisGroupBalance group = Assert.Single(balance.Groups);
        Assert.Equal((events, 0L, 0L), (group.Acknowledged, group.Pending, group.Unread));

        // Logged through ILogger: the publisher's balance after the bus drained, the subscriber's start and stop.
        Assert.Contains(logs.Entries, e => e.EventId.Name == "RedisPublisherStopped" && e.Message.Contains("shop-1", StringComparison.Ordinal));
        Assert.Contains(logs.Entries, e => e.EventId.Name == "RedisSubscriberStarted" && e.Message.Contains("audit/a1", StringComparison.Ordinal));
        Assert.Contains(logs.Entries, e => e.EventId.Name == "RedisSubscriberStopped");
    }

    [Fact]
    public async Task A_publisher_whose_flush_meets_an_error_that_is_not_an_outage_logs_it_and_the_health_check_says_so()
    {
        using RedisServer? server = RedisServer.StartOrSkip(output);
        if (server is null) return;
        var logs = new CollectingLoggerProvider();
        using ConnectionMultiplexer observer = server.ConnectObserver();
        observer.GetDatabase().StringSet(new RedisStreamKeys("clobbered").Stream, "not a stream");   // WRONGTYPE for every XADD
        using IHost producer = BridgeHosts.Build(
            services =>
            {
                services.AddTradeBus().AddRedisPublisher(TradeJsonCodec.Instance);
                services.AddHealthChecks().AddRedisBridgeCheck<TradeEvent>();
            },
            new Dictionary<string, string?> { ["GeneratedBus:Redis:Publisher:ConnectionString"] = server.Configuration, ["GeneratedBus:Redis:Publisher:StreamName"] = "clobbered" },
            logs);
        await producer.StartAsync().WaitAsync(Deadline);

        producer.Services.GetRequiredService<TradeBus>().Post(new TradePlaced(1, 1, "X"));
        RedisStreamPublisher<TradeEvent> publisher = producer.Services.GetRequiredService<RedisStreamPublisher<TradeEvent>>();
        await Waiting.UntilAsync(() => Task.FromResult(publisher.Fault is not null), Deadline, () => "no fault yet");

        HealthReport health = await producer.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync().WaitAsync(Deadline);
        HealthReportEntry entry = health.Entries["TradeEvent.Redis"];
        Assert.Equal(HealthStatus.Degraded, entry.Status);
        Assert.Contains("publisher's background flush stopped: WRONGTYPE", entry.Description);
        Assert.Contains(logs.Entries, e => e.EventId.Name == "RedisPublisherFailed" && e.Level == LogLevel.Error);

        // The stop counts the unsent event as abandoned, so the publisher's balance with its queue still holds.
        await producer.StopAsync().WaitAsync(Deadline);
        RedisPublisherBalance balance = publisher.GetStats().Balance(producer.Services.GetRequiredService<TradeBus>().GetStats().Queues["redis"]);
        Assert.True(balance.IsBalanced, balance.ToString());
        Assert.Equal((1L, 0L), (publisher.GetStats().Abandoned, publisher.GetStats().Unconfirmed));
    }

    [Fact]
    public async Task A_stop_mid_stream_stops_reading_first_drains_the_bus_acknowledges_what_it_drained_and_a_restart_gets_the_rest()
    {
        using RedisServer? server = RedisServer.StartOrSkip(output);
        if (server is null) return;
        const int events = 2_000;
        using ConnectionMultiplexer redis = server.Connect();
        await Producers.RunAsync(redis, "midstop", producers: 1, events, Deadline);
        var settings = new Dictionary<string, string?>
        {
            ["GeneratedBus:Redis:Subscriber:ConnectionString"] = server.Configuration,
            ["GeneratedBus:Redis:Subscriber:StreamName"] = "midstop",
            ["GeneratedBus:Redis:Subscriber:Consumer"] = "c1",
            ["GeneratedBus:Redis:Subscriber:BatchSize"] = "50",
        };

        // A slow listener and a small queue, so that at the stop the queue is full and the subscriber waits to post.
        List<long> first;
        RedisSubscriberStats stats;
        using (IHost consumer = BridgeHosts.Consumer(settings, services =>
               {
                   services.AddSingleton(new RecorderPace(TimeSpan.FromMilliseconds(1)));
                   services.AddTradeBus(o => o.QueueCapacity = 20);
               }))
        {
            await consumer.StartAsync().WaitAsync(Deadline);
            HostedRecorder recorder = consumer.Services.GetRequiredService<HostedRecorder>();
            await Waiting.UntilAsync(() => Task.FromResult(recorder.Count >= 100), Deadline, () => $"{recorder.Count} recorded");
            await consumer.StopAsync().WaitAsync(Deadline);
            stats = consumer.Services.GetRequiredService<RedisStreamSubscriber<TradeEvent>>().GetStats();
            first = recorder.Snapshot().Select(s => s.Event.Number).ToList();
        }

        // Everything posted into the bus was processed, then acknowledged (none posted into a stopped bus); what was read
        // and not yet posted stays pending (at most one read's batch), the rest unread.
        Assert.True(stats.Delivered < events, $"the stop came too late to be mid-stream: {stats}");
        Assert.Equal(stats.Delivered, first.Count);
        Assert.Equal((stats.Delivered, stats.Delivered), (stats.Processed, stats.Acknowledged));
        RedisGroupBalance group = Assert.Single((await RedisStreamBalance.ReadAsync(redis.GetDatabase(), new RedisStreamKeys("midstop"))).Groups);
        Assert.Equal(stats.Delivered, group.Acknowledged);
        Assert.InRange(group.Pending, 0, 50);
        Assert.Equal(events, group.Acknowledged + group.Pending + group.Unread);

        // A restart of the same consumer gets exactly the rest: its pending entries first, then the unread ones.
        using IHost restarted = BridgeHosts.Consumer(settings);
        await restarted.StartAsync().WaitAsync(Deadline);
        HostedRecorder rest = restarted.Services.GetRequiredService<HostedRecorder>();
        await Waiting.UntilAsync(() => Task.FromResult(rest.Count >= events - first.Count), Deadline, () => $"{rest.Count} of {events - first.Count} recorded after the restart");
        await restarted.StopAsync().WaitAsync(Deadline);
        Assert.Equal(Enumerable.Range(1, events).Select(i => (long)i), first.Concat(rest.Snapshot().Select(s => s.Event.Number)));
        Assert.Equal(group.Pending, restarted.Services.GetRequiredService<RedisStreamSubscriber<TradeEvent>>().GetStats().Redeliveries);
    }
}
