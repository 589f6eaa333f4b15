using System;
using GeneratedBus;
using GeneratedBus.Redis.Accounting;
using GeneratedBus.Redis.Publishing;
using StackExchange.Redis;

namespace RedisExactlyOnce;

/// <summary>
/// <c>produce --redis host:port --producer p1 --count 1000 [--stream ledger]</c>: posts <see cref="Ledger.EventAt"/> 1
/// to count into a bus whose "redis" queue hands them to a publisher, then prints the publisher's balance.
/// </summary>
public static class ProduceCommand
{
    private const string Queue = "redis";

    /// <summary>Runs the command; 0 when every event was appended and the balance holds.</summary>
    public static int Run(CommandLine line)
    {
        string producer = line.Text("producer");
        long count = line.Number("count") ?? throw new ArgumentException("--count is required.");
        using ConnectionMultiplexer redis = ConnectionMultiplexer.Connect(line.Text("redis") + ",abortConnect=false");
        using var bus = new LedgerBus(new BusOptions { QueueCapacity = (int)Math.Min(count, BusOptions.MaxQueueCapacity) }); // room for all: none dropped
        var publisher = new RedisStreamPublisher<LedgerEvent>(redis, LedgerJsonCodec.Instance,
            new RedisPublisherOptions { StreamName = line.Text("stream", Ledger.DefaultStream), ProducerId = producer });
        bus.AddToQueue(new RedisForwarder(publisher), Queue);
        bus.Start();
        for (long i = 1; i <= count; i++)
        {
            bus.Post(Ledger.EventAt(i));
        }

        bus.Stop();        // the queue hands over every event first
        publisher.Dispose(); // then the last batch goes
        RedisPublisherBalance balance = publisher.GetStats().Balance(bus.GetStats().Queues[Queue]);
        Console.WriteLine($"Producer {producer}: {balance}");
        return balance.IsBalanced && balance.Appended == count ? 0 : 1;
    }
}
