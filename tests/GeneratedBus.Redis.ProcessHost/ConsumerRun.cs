using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using GeneratedBus.Redis.Accounting;
using GeneratedBus.Redis.Subscribing;
using GeneratedBus.Redis.Tests.Support;
using StackExchange.Redis;

namespace GeneratedBus.Redis.ProcessHost;

/// <summary>
/// A consumer application: reads <c>--group</c> as <c>--consumer</c> into a local bus with a Wait queue, whose listener
/// records each event in the file <c>--out</c> (<see cref="DeliveryRecord"/>, skipping what it holds already) and whose
/// last listener acknowledges. It stops on a line (or the end) of stdin, or once the record holds <c>--total</c>
/// events, then prints its stats. <c>--slow-every n</c> makes the listener sleep 1 ms every n events, so that a test
/// can kill it mid-stream with a backlog.
/// </summary>
internal static class ConsumerRun
{
    private const string Queue = "redis-in";

    public static async Task<int> RunAsync(HostArguments args)
    {
        long total = args.Number("total", 0);
        long slowEvery = args.Number("slow-every", 0);
        using var record = DeliveryRecord.Open(args.Text("out"));
        using ConnectionMultiplexer redis = await ConnectionMultiplexer.ConnectAsync(args.Text("redis"));
        var bus = new TradeBus(new BusOptions { QueueCapacity = 1_000, QueueFullMode = QueueFullMode.Wait, ExitTimeout = TimeSpan.FromSeconds(10) });
        var subscriber = new RedisStreamSubscriber<TradeEvent>(redis, TradeJsonCodec.Instance, bus.PostAsync, new RedisSubscriberOptions
        {
            StreamName = args.Text("stream"),
            Group = args.Text("group"),
            Consumer = args.Text("consumer"),
            BatchSize = 100,
            MaxPollDelay = TimeSpan.FromMilliseconds(20),
        });
        var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var recorder = new Recorder(subscriber, record, slowEvery);
        bus.AddToQueue(recorder, Queue);
        bus.AddToQueue(new Acknowledger(subscriber, record, total, stop), Queue);
        bus.Start();
        await StartAsync(subscriber);
        Console.WriteLine($"started {record.Count}");
        if (total > 0 && record.Count >= total) stop.TrySetResult();
        _ = Task.Run(() => { Console.In.ReadLine(); stop.TrySetResult(); });
        await stop.Task;

        await subscriber.DisposeAsync();   // stops reading, acknowledges what was processed
        bus.Stop();
        bus.Dispose();
        RedisSubscriberStats s = subscriber.GetStats();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"consumer group={s.Group} consumer={s.Consumer} delivered={s.Delivered} processed={s.Processed} acknowledged={s.Acknowledged} "
            + $"redeliveries={s.Redeliveries} duplicates={s.Duplicates} gaps={s.Gaps} undecodable={s.Undecodable} "
            + $"recorded={recorder.Recorded} skipped={recorder.Skipped} in_record={record.Count}"));
        return 0;
    }

    // A loaded machine can time out the first commands (the group, the notification channel): try again for a while,
    // as an application's host would, instead of ending the process.
    private static async Task StartAsync(RedisStreamSubscriber<TradeEvent> subscriber)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            try
            {
                await subscriber.StartAsync();
                return;
            }
            // A timeout is not a RedisException: RedisTimeoutException derives from TimeoutException.
            catch (Exception failure) when (failure is RedisException or TimeoutException && DateTime.UtcNow < deadline)
            {
                Console.Error.WriteLine($"start failed, retrying: {failure.Message}");
                await Task.Delay(200);
            }
        }
    }

    // The listener with a durable effect: it records each event once, across restarts, by (producer, sequence).
    private sealed class Recorder(RedisStreamSubscriber<TradeEvent> subscriber, DeliveryRecord record, long slowEvery) : TradeFirehoseListener
    {
        public long Recorded { get; private set; }

        /// <summary>Redelivered events the record already held (processed before a crash, not acknowledged).</summary>
        public long Skipped { get; private set; }

        public override void OnEvent(TradeEvent e)
        {
            RedisDelivery delivery = subscriber.CurrentDelivery ?? throw new InvalidOperationException("no current delivery");
            if (record.TryRecord(delivery.Producer, delivery.Sequence, delivery.Redelivered)) Recorded++;
            else Skipped++;
            if (slowEvery > 0 && (Recorded + Skipped) % slowEvery == 0) Thread.Sleep(1);
        }
    }

    // Last on the queue: the event is processed, so it may be acknowledged; then the run may be complete.
    private sealed class Acknowledger(RedisStreamSubscriber<TradeEvent> subscriber, DeliveryRecord record, long total, TaskCompletionSource stop)
        : TradeFirehoseListener
    {
        public override void OnEvent(TradeEvent e)
        {
            subscriber.Processed(e);
            if (total > 0 && record.Count >= total) stop.TrySetResult();
        }
    }
}
