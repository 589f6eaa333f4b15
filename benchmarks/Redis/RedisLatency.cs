using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;
using GeneratedBus.Benchmarks.Events.Log;
using GeneratedBus.Redis.Accounting;
using GeneratedBus.Redis.Publishing;
using GeneratedBus.Redis.Subscribing;
using StackExchange.Redis;

namespace GeneratedBus.Benchmarks.Redis;

/// <summary>Post-to-listener latencies of one paced run, in milliseconds.</summary>
/// <param name="Notify">Whether the append script woke the subscriber (otherwise it polled alone).</param>
/// <param name="Events">Events measured (after the warm-up).</param>
/// <param name="Rate">Events per second actually posted over the measured part.</param>
public sealed record LatencyResult(bool Notify, int Events, double Rate, double P50, double P99, double P999, double Max)
{
    /// <summary>The percentiles as a row shows them.</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"p50 {P50:0.00} ms, p99 {P99:0.00} ms, p99.9 {P999:0.00} ms, max {Max:0.0} ms ({Events:N0} events at {Rate:N0}/s)");
}

/// <summary>
/// Issue 13's end-to-end latency: a producer posts <see cref="Rate"/> events per second into its bus, whose
/// DropWrite queue hands them to a <see cref="RedisStreamPublisher{TEvent}"/> (default batching: 256 or 1 ms); a
/// <see cref="RedisStreamSubscriber{TEvent}"/> on its own connection posts them into a local bus's Wait queue, where a
/// listener reads the clock. Both ends are in this process, so one clock times each event from just before its
/// <c>Post</c> to its listener (a side table indexed by the delivery's sequence); the stream crosses the process
/// boundary to redis-server and back. The producer is paced in 1 ms ticks (about 10 events each); the first
/// <see cref="WarmUp"/> is not counted. Every event must arrive once and in order, or the run fails.
/// </summary>
public static class RedisLatency
{
    /// <summary>Events per second.</summary>
    public const int Rate = 10_000;

    /// <summary>How long the producer runs before its events are counted.</summary>
    public static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(1);

    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    /// <summary>One run of <paramref name="measured"/> (after the warm-up) with or without the script's wake-up.</summary>
    public static LatencyResult Measure(BenchRedisServer server, bool notify, TimeSpan measured)
    {
        int warm = (int)(Rate * WarmUp.TotalSeconds);
        int total = warm + (int)(Rate * measured.TotalSeconds);
        var posted = new long[total];
        var latency = new long[total];
        string stream = $"latency-{(notify ? "notify" : "poll")}-{Guid.NewGuid():N}";
        ClusterEvent[] events = [.. ClusterLog.Events(2_000)];

        using ConnectionMultiplexer producerRedis = server.Connect();
        using ConnectionMultiplexer consumerRedis = server.Connect();
        var producer = new ClusterBus(new BusOptions { QueueCapacity = 65_536 });
        var publisher = new RedisStreamPublisher<ClusterEvent>(producerRedis, ClusterJsonCodec.Instance,
            new RedisPublisherOptions { StreamName = stream, ProducerId = "latency", NotifySubscribers = notify });
        producer.AddToQueue(new Forwarder(publisher), "redis");
        var local = new ClusterBus(new BusOptions { QueueCapacity = 10_000, QueueFullMode = QueueFullMode.Wait });
        var subscriber = new RedisStreamSubscriber<ClusterEvent>(consumerRedis, ClusterJsonCodec.Instance, local.PostAsync,
            new RedisSubscriberOptions { StreamName = stream, Group = "latency", Consumer = "c1" });
        var stamp = new Stamp(subscriber, posted, latency);
        local.AddToQueue(stamp, "in");
        local.AddToQueue(new Acknowledger(subscriber), "in");
        local.Start();
        producer.Start();
        subscriber.StartAsync().GetAwaiter().GetResult();

        long start = Stopwatch.GetTimestamp();
        double ticksPerEvent = (double)Stopwatch.Frequency / Rate;
        for (int i = 0; i < total; i++)
        {
            long due = start + (long)(i * ticksPerEvent);
            while (Stopwatch.GetTimestamp() < due)
            {
                Thread.Sleep(1);
            }

            posted[i] = Stopwatch.GetTimestamp();
            producer.Post(events[i % events.Length]);
        }

        double rate = (total - warm) / Stopwatch.GetElapsedTime(posted[warm], posted[^1]).TotalSeconds;
        var clock = Stopwatch.StartNew();
        while (stamp.Received < total && clock.Elapsed < Deadline)
        {
            Thread.Sleep(10);
        }

        subscriber.DisposeAsync().AsTask().GetAwaiter().GetResult();
        local.Stop();
        producer.Stop();
        publisher.Dispose();
        Check(total, stamp.Received, publisher.GetStats(), subscriber.GetStats(), producer.GetStats().Queues["redis"]);
        local.Dispose();
        producer.Dispose();

        double[] ms = latency.Skip(warm).Select(t => t * 1000.0 / Stopwatch.Frequency).Order().ToArray();
        return new LatencyResult(notify, ms.Length, rate, Percentile(ms, 0.50), Percentile(ms, 0.99), Percentile(ms, 0.999), ms[^1]);
    }

    private static double Percentile(double[] sorted, double p) => sorted[(int)Math.Round(p * (sorted.Length - 1))];

    // The side table is indexed by sequence, which equals the post's index only if nothing was dropped anywhere.
    private static void Check(int total, int received, RedisPublisherStats published, RedisSubscriberStats read, QueueStats queue)
    {
        if (received != total || queue.Dropped != 0 || published.Appended != total || read.Gaps + read.Duplicates + read.Redeliveries != 0)
        {
            throw new InvalidOperationException(
                $"The latency run lost its one-to-one mapping: {received} of {total} received; queue dropped {queue.Dropped}; {published}; {read}.");
        }
    }

    private sealed class Forwarder(RedisStreamPublisher<ClusterEvent> publisher) : ClusterFirehoseListener
    {
        public override void OnEvent(ClusterEvent e) => publisher.Append(e);
    }

    private sealed class Stamp(RedisStreamSubscriber<ClusterEvent> subscriber, long[] posted, long[] latency) : ClusterFirehoseListener
    {
        private int _received;

        public int Received => Volatile.Read(ref _received);

        public override void OnEvent(ClusterEvent e)
        {
            long now = Stopwatch.GetTimestamp();
            long index = subscriber.CurrentDelivery!.Sequence - 1;
            latency[index] = now - posted[index];
            Volatile.Write(ref _received, _received + 1);
        }
    }

    private sealed class Acknowledger(RedisStreamSubscriber<ClusterEvent> subscriber) : ClusterFirehoseListener
    {
        public override void OnEvent(ClusterEvent e) => subscriber.Processed(e);
    }
}
