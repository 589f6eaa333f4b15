using System;
using System.Linq;
using System.Threading.Tasks;
using GeneratedBus.Redis.Accounting;
using GeneratedBus.Redis.Publishing;
using GeneratedBus.Redis.Subscribing;
using GeneratedBus.Redis.Tests.Support;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace GeneratedBus.Redis.Tests;

public sealed class RestartTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    // A restarted Redis answers LOADING while it reads its data back. The publisher and the subscriber must take that
    // for an outage and retry: a subscriber whose read loop ended on it would stop reading for good, silently.
    [Fact]
    public async Task While_a_restarted_Redis_is_still_loading_the_publisher_and_the_subscriber_retry_and_lose_nothing()
    {
        using RedisServer? server = RedisServer.StartOrSkip(output, appendOnly: true);
        if (server is null) return;
        using ConnectionMultiplexer redis = server.Connect();
        using ConnectionMultiplexer observer = server.ConnectObserver();
        const string stream = "loading";
        const int events = 400;
        var keys = new RedisStreamKeys(stream);
        await using var consumer = new LocalConsumer(redis, new RedisSubscriberOptions
        {
            StreamName = stream, Group = "g", Consumer = "c1", MaxPollDelay = TimeSpan.FromMilliseconds(20),
        });
        await consumer.StartAsync();
        using var bus = new TradeBus(new BusOptions { QueueCapacity = events });
        var publisher = new RedisStreamPublisher<TradeEvent>(redis, TradeJsonCodec.Instance, new RedisPublisherOptions
        {
            StreamName = stream, ProducerId = "producer-0", BatchSize = 16, MaxRetryDelay = TimeSpan.FromMilliseconds(100),
        });
        bus.AddToQueue(new RedisForwarder(publisher), "redis");
        bus.Start();
        for (int i = 1; i <= events / 2; i++) bus.Post(new TradeSettled(0, i));
        await Acknowledged.UntilAsync(observer, keys, events / 2, groups: 1, Deadline);

        // Everything so far, and 2,000 filler keys of 1 KB, into the AOF's base snapshot, which the restart loads at
        // 2 ms a key while serving clients every KiB: seconds of LOADING answers while the second half is posted.
        IDatabase db = observer.GetDatabase();
        await Task.WhenAll(Enumerable.Range(0, 2_000).Select(i => db.StringSetAsync($"filler:{i}", new string('x', 1_000))));
        server.RewriteAppendOnlyFile();
        server.KeyLoadDelay = TimeSpan.FromMilliseconds(2);
        server.Stop();
        Task restarting = Task.Run(server.Start);
        for (int i = events / 2 + 1; i <= events; i++) bus.Post(new TradeSettled(0, i));
        await restarting.WaitAsync(Deadline);

        RedisStreamBalance balance = await Acknowledged.UntilAsync(observer, keys, events, groups: 1, Deadline);
        bus.WaitUntilEmpty(Deadline);
        bus.Stop();
        publisher.Dispose();
        RedisPublisherStats stats = publisher.GetStats();
        output.WriteLine($"{stats}; {consumer.Subscriber.GetStats()}; {balance}");
        Assert.Equal(0, bus.GetStats().Listeners.Values.Sum(l => l.Failures));   // Append never threw LOADING at the bus
        Assert.Equal(((long)events, 0L, 0L), (stats.Appended, stats.Abandoned, stats.Unconfirmed));
        Assert.True(stats.Retries > 0, "the restart should have made the publisher retry");
        DeliveryAssert.EachOnceInOrder(consumer.SeenSnapshot(), producers: 1, events);
        Assert.Equal((0L, 0L), (balance.Groups[0].Pending, balance.Groups[0].Unread));
    }
}
