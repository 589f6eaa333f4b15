using System;
using System.Threading.Tasks;
using GeneratedBus.Redis.Accounting;
using GeneratedBus.Redis.Publishing;
using StackExchange.Redis;

namespace GeneratedBus.Redis.Tests.Support;

/// <summary>Runs producers as an application would: each its own bus, a DropWrite queue "redis" with the publisher.</summary>
public static class Producers
{
    /// <summary>Posts <paramref name="events"/> events from each of <paramref name="producers"/> concurrent producers; returns their balances.</summary>
    public static async Task<RedisPublisherBalance[]> RunAsync(ConnectionMultiplexer redis, string stream, int producers, int events, TimeSpan deadline)
    {
        var runs = new Task<RedisPublisherBalance>[producers];
        for (int p = 0; p < producers; p++)
        {
            int producer = p;
            runs[p] = Task.Run(() =>
            {
                using var bus = new TradeBus(new BusOptions { QueueCapacity = events });   // room for all: nothing dropped
                var publisher = new RedisStreamPublisher<TradeEvent>(redis, TradeJsonCodec.Instance,
                    new RedisPublisherOptions { StreamName = stream, ProducerId = $"producer-{producer}", BatchSize = 64 });
                bus.AddToQueue(new RedisForwarder(publisher), "redis");
                bus.Start();
                for (long i = 1; i <= events; i++) bus.Post(new TradePlaced(producer, i, "X"));
                bus.WaitUntilEmpty(deadline);
                bus.Stop();
                publisher.Dispose();
                return publisher.GetStats().Balance(bus.GetStats().Queues["redis"]);
            });
        }
        return await Task.WhenAll(runs);
    }
}
