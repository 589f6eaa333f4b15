using System;
using System.Diagnostics;
using System.Globalization;
using System.Threading;
using GeneratedBus.Redis.Accounting;
using GeneratedBus.Redis.Publishing;
using GeneratedBus.Redis.Tests.Support;
using StackExchange.Redis;

namespace GeneratedBus.Redis.ProcessHost;

/// <summary>
/// A producer application: its own bus, a DropWrite queue "redis" (capacity <c>--queue-capacity</c>, default room for
/// every event) whose listener hands each event to a publisher with id <c>--producer</c>. It posts <c>--events</c>
/// events, at most <c>--per-ms</c> per millisecond when given (a run that lasts, for faults mid-run). With
/// <c>--hold-at k</c> it posts k events, waits until they are appended, prints <c>held k</c> with its stats so far
/// (<c>appended=</c>, <c>dropped=</c> by the queue) and waits for a line on
/// stdin before posting the rest (the test injects its fault there). It times the posting of the rest (post_ms: the
/// application never waits for Redis), then drains, disposes, and prints its balance.
/// </summary>
internal static class ProducerRun
{
    private static readonly TimeSpan DrainDeadline = TimeSpan.FromSeconds(60);

    public static int Run(HostArguments args)
    {
        string producer = args.Text("producer");
        long events = args.Number("events");
        long holdAt = args.Number("hold-at", 0);
        long perMs = args.Number("per-ms", 0);
        using ConnectionMultiplexer redis = ConnectionMultiplexer.Connect(args.Text("redis"));
        using var bus = new TradeBus(new BusOptions { QueueCapacity = (int)args.Number("queue-capacity", events) });
        var publisher = new RedisStreamPublisher<TradeEvent>(redis, TradeJsonCodec.Instance, new RedisPublisherOptions
        {
            StreamName = args.Text("stream"),
            ProducerId = producer,
            BatchSize = (int)args.Number("batch", 64),
            MaxRetryDelay = TimeSpan.FromMilliseconds(200),
            DisposeTimeout = TimeSpan.FromSeconds(20),
        });
        bus.AddToQueue(new RedisForwarder(publisher), "redis");
        bus.Start();

        long next = 1;
        if (holdAt > 0)
        {
            Post(bus, 1, holdAt, perMs);
            bus.WaitUntilEmpty(DrainDeadline);
            publisher.Flush();
            Console.WriteLine($"held {holdAt} appended={publisher.GetStats().Appended} dropped={bus.GetStats().Queues["redis"].Dropped}");
            Console.In.ReadLine();
            next = holdAt + 1;
        }
        var posting = Stopwatch.StartNew();
        Post(bus, next, events, perMs);
        posting.Stop();
        bus.WaitUntilEmpty(DrainDeadline);
        bus.Stop();
        publisher.Dispose();

        RedisPublisherStats stats = publisher.GetStats();
        RedisPublisherBalance balance = stats.Balance(bus.GetStats().Queues["redis"]);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"producer id={producer} posted={balance.Posted} appended={balance.Appended} dropped_full={balance.DroppedStreamFull} "
            + $"dropped_unreachable={balance.DroppedUnreachable} duplicates={balance.Duplicates} waiting={balance.Waiting} "
            + $"unencodable={balance.Unencodable} abandoned={stats.Abandoned} unconfirmed={balance.Unconfirmed} retries={stats.Retries} "
            + $"post_ms={posting.ElapsedMilliseconds} balanced={balance.IsBalanced}"));
        return balance.IsBalanced ? 0 : 1;
    }

    // Posts events first..last, paced to perMs per millisecond when it is positive.
    private static void Post(TradeBus bus, long first, long last, long perMs)
    {
        var clock = Stopwatch.StartNew();
        for (long i = first; i <= last; i++)
        {
            if (perMs > 0)
                while (clock.ElapsedMilliseconds < (i - first) / perMs) Thread.Sleep(1);
            bus.Post(new TradePlaced(0, i, "X"));
        }
    }
}
