using System;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Threading;
using GeneratedBus.EventLog;
using GeneratedBus.Redis.Publishing;
using GeneratedBus.Redis.Scripts;
using GeneratedBus.Hosting.Tests.Support;
using GeneratedBus.Redis.Tests.Support;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace GeneratedBus.Redis.Tests;

public sealed class PublisherTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public void A_batch_retried_after_a_lost_reply_is_answered_as_before_and_not_appended_twice()
    {
        using RedisServer? server = RedisServer.StartOrSkip(output);
        if (server is null) return;
        using ConnectionMultiplexer redis = server.ConnectObserver();
        IDatabase db = redis.GetDatabase();
        var keys = new RedisStreamKeys("retry");
        RedisKey[] scriptKeys = [keys.Stream, keys.Counters, keys.Producers];
        RedisValue[] Batch(long first, int count) => AppendCall(first, count, after: 0);

        long[] first = Reply(db.ScriptEvaluate(AppendScript.Text, scriptKeys, Batch(1, 3)));
        long[] retried = Reply(db.ScriptEvaluate(AppendScript.Text, scriptKeys, Batch(1, 3)));   // the same call again
        Assert.Equal([3L, 0L, 0L], first);
        Assert.Equal(first, retried);
        Assert.Equal(3, db.StreamLength(keys.Stream));

        // An older sequence in a different batch is a duplicate: counted, never appended.
        long[] overlapping = Reply(db.ScriptEvaluate(AppendScript.Text, scriptKeys, Batch(3, 2)));
        Assert.Equal([1L, 0L, 1L], overlapping);
        Assert.Equal(4, db.StreamLength(keys.Stream));
        StreamEntry[] entries = db.StreamRange(keys.Stream);
        Assert.Equal(["1", "2", "3", "4"], entries.Select(e => (string)e["s"]!).ToArray());
        Assert.Equal(4, (long)db.HashGet(keys.Counters, "appended"));
        Assert.Equal(1, (long)db.HashGet(keys.Counters, "duplicates"));
    }

    [Fact]
    public void An_error_that_is_not_an_outage_is_logged_kept_as_the_fault_and_its_events_counted_as_abandoned_at_dispose()
    {
        using RedisServer? server = RedisServer.StartOrSkip(output);
        if (server is null) return;
        using ConnectionMultiplexer redis = server.ConnectObserver();
        var keys = new RedisStreamKeys("wrongtype");
        redis.GetDatabase().StringSet(keys.Stream, "not a stream");   // every XADD now fails with WRONGTYPE: no retry cures it
        var logs = new CollectingLoggerProvider();
        var publisher = new RedisStreamPublisher<TradeEvent>(redis, TradeJsonCodec.Instance,
            new RedisPublisherOptions { StreamName = keys.Name, BatchSize = 100, ProducerId = "p" }, logs.CreateLogger("publisher"));

        // One event: the batch is not full, so the background flush sends it after the linger, and meets the error.
        publisher.Append(new TradeSettled(1, 1));
        var waited = Stopwatch.StartNew();
        while (publisher.Fault is null && waited.Elapsed < Deadline) Thread.Sleep(10);

        Assert.NotNull(publisher.Fault);
        Assert.Contains("WRONGTYPE", publisher.Fault!.Message, StringComparison.Ordinal);
        LogEntry error = Assert.Single(logs.Entries, e => e.EventId.Id == 111);
        Assert.Equal((LogLevel.Error, "RedisPublisherFailed"), (error.Level, error.EventId.Name));
        Assert.Equal((1L, 0L, 1L), (publisher.GetStats().Received, publisher.GetStats().Appended, publisher.GetStats().Batched));

        publisher.Dispose();   // does not throw, and does not log the same error twice

        var stats = publisher.GetStats();
        Assert.Equal((1L, 0L, 0L, 0L), (stats.Abandoned, stats.Unconfirmed, stats.Appended, stats.Batched)); // answered with an error: not in the stream
        Assert.Single(logs.Entries, e => e.EventId.Id == 111);
    }

    [Fact]
    public void A_full_stream_drops_the_new_events_counts_them_and_trims_nothing()
    {
        using RedisServer? server = RedisServer.StartOrSkip(output);
        if (server is null) return;
        using ConnectionMultiplexer redis = server.Connect();
        using ConnectionMultiplexer observer = server.ConnectObserver();   // the test's own reads wait out a loaded machine
        using var bus = new TradeBus(new BusOptions { QueueCapacity = 1_000 });
        var publisher = new RedisStreamPublisher<TradeEvent>(redis, TradeJsonCodec.Instance,
            new RedisPublisherOptions { StreamName = "full", Capacity = 10, BatchSize = 4, ProducerId = "p" });
        bus.AddToQueue(new RedisForwarder(publisher), "redis");
        bus.Start();
        for (int i = 1; i <= 25; i++) bus.Post(new TradeSettled(1, i));
        bus.WaitUntilEmpty(Deadline);
        bus.Stop();
        publisher.Dispose();

        IDatabase db = observer.GetDatabase();
        StreamEntry[] entries = db.StreamRange(publisher.Keys.Stream);
        Assert.Equal(Enumerable.Range(1, 10).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            entries.Select(e => (string)e["s"]!));                     // the oldest ten stay: drop-new, not trim-old
        var stats = publisher.GetStats();
        Assert.Equal((10L, 15L), (stats.Appended, stats.DroppedStreamFull));
        Assert.Equal(15, (long)db.HashGet(publisher.Keys.Counters, "dropped_full"));
        var balance = stats.Balance(bus.GetStats().Queues["redis"]);
        Assert.True(balance.IsBalanced, balance.ToString());
        Assert.Equal((25L, 0L), (balance.Posted, balance.Waiting));
    }

    [Fact]
    public void Every_event_posted_through_the_queue_is_appended_once_in_order_and_decodes_back()
    {
        using RedisServer? server = RedisServer.StartOrSkip(output);
        if (server is null) return;
        using ConnectionMultiplexer redis = server.Connect();
        using ConnectionMultiplexer observer = server.ConnectObserver();   // the test's own reads wait out a loaded machine
        using var bus = new TradeBus(new BusOptions { QueueCapacity = 10_000 });
        var publisher = new RedisStreamPublisher<TradeEvent>(redis, TradeJsonCodec.Instance,
            new RedisPublisherOptions { StreamName = "order", BatchSize = 64 });
        bus.AddToQueue(new RedisForwarder(publisher), "redis");
        bus.Start();
        const int count = 5_000;
        for (int i = 1; i <= count; i++) bus.Post(i % 2 == 0 ? new TradeSettled(1, i) : new TradePlaced(1, i, "S" + i));
        bus.WaitUntilEmpty(Deadline);
        bus.Stop();
        publisher.Dispose();

        StreamEntry[] entries = observer.GetDatabase().StreamRange(publisher.Keys.Stream);
        Assert.Equal(count, entries.Length);
        for (int i = 0; i < count; i++)
        {
            Assert.Equal(publisher.ProducerId, (string)entries[i]["p"]!);
            Assert.Equal(i + 1, (long)entries[i]["s"]);
            EventReadResult<TradeEvent> read = TradeJsonCodec.Instance.Read(Encoding.UTF8.GetBytes((string)entries[i]["e"]!), new EventJsonReaderOptions());
            Assert.True(read.IsOk, read.ToString());
            Assert.Equal(i + 1, read.Event!.Number);
        }
        Assert.True(publisher.GetStats().Balance(bus.GetStats().Queues["redis"]).IsBalanced);
    }

    [Fact]
    public void With_Redis_stopped_the_application_keeps_posting_the_queue_drops_and_counts_and_it_resumes_on_reconnect()
    {
        using RedisServer? server = RedisServer.StartOrSkip(output);
        if (server is null) return;
        using ConnectionMultiplexer redis = server.Connect();
        using ConnectionMultiplexer observer = server.ConnectObserver();   // the test's own reads wait out a loaded machine
        using var bus = new TradeBus(new BusOptions { QueueCapacity = 100 });
        var publisher = new RedisStreamPublisher<TradeEvent>(redis, TradeJsonCodec.Instance,
            new RedisPublisherOptions { StreamName = "outage", BatchSize = 16, MaxRetryDelay = TimeSpan.FromMilliseconds(200) });
        bus.AddToQueue(new RedisForwarder(publisher), "redis");
        bus.Start();
        for (int i = 1; i <= 50; i++) bus.Post(new TradeSettled(1, i));
        bus.WaitUntilEmpty(Deadline);

        server.Stop();
        var posting = Stopwatch.StartNew();
        for (int i = 51; i <= 5_000; i++) bus.Post(new TradeSettled(1, i));
        posting.Stop();
        Assert.True(posting.Elapsed < TimeSpan.FromSeconds(5), $"posting took {posting.Elapsed}: the application waited for Redis");
        Assert.True(bus.GetStats().Queues["redis"].Dropped > 0, "the publisher's queue should have filled and dropped");

        server.Start();
        bus.WaitUntilEmpty(Deadline);
        bus.Stop();
        publisher.Dispose();

        var stats = publisher.GetStats();
        var balance = stats.Balance(bus.GetStats().Queues["redis"]);
        output.WriteLine(balance.ToString() + $", retries {stats.Retries}");
        Assert.True(balance.IsBalanced, balance.ToString());
        Assert.Equal((5_000L, 0L, 0L), (balance.Posted, balance.Waiting, stats.Abandoned));
        // The restarted server kept no data (no persistence): what it holds is what was appended after reconnecting,
        // at least the queue's hundred and the batch that waited, in sequence order with no gap inside.
        long[] sequences = observer.GetDatabase().StreamRange(publisher.Keys.Stream).Select(e => (long)e["s"]).ToArray();
        Assert.True(sequences.Length >= 100, $"only {sequences.Length} appended after reconnecting");
        Assert.Equal(Enumerable.Range(0, sequences.Length).Select(i => sequences[0] + i), sequences);
    }

    [Fact]
    public void An_event_the_codec_cannot_write_is_counted_as_unencodable_and_the_balance_holds()
    {
        using RedisServer? server = RedisServer.StartOrSkip(output);
        if (server is null) return;
        using ConnectionMultiplexer redis = server.Connect();
        using var bus = new TradeBus(new BusOptions { QueueCapacity = 100 });
        var publisher = new RedisStreamPublisher<TradeEvent>(redis, TradeJsonCodec.Instance, new RedisPublisherOptions { StreamName = "unencodable" });
        bus.AddToQueue(new RedisForwarder(publisher), "redis");
        bus.Start();
        bus.Post(new TradeSettled(1, 1));
        bus.Post(new TradeAudited(1, 2));
        bus.Post(new TradeSettled(1, 3));
        bus.WaitUntilEmpty(Deadline);
        bus.Stop();
        publisher.Dispose();

        var balance = publisher.GetStats().Balance(bus.GetStats().Queues["redis"]);
        Assert.True(balance.IsBalanced, balance.ToString());
        Assert.Equal((3L, 2L, 1L, 0L), (balance.Posted, balance.Appended, balance.Unencodable, balance.Waiting));
        Assert.Equal(1, bus.GetStats().Listeners.Values.Sum(l => l.Failures));   // and the bus logged the failure
    }

    [Fact]
    public void A_retry_of_any_batch_still_in_flight_is_answered_as_before_and_older_ones_count_as_duplicates()
    {
        using RedisServer? server = RedisServer.StartOrSkip(output);
        if (server is null) return;
        using ConnectionMultiplexer redis = server.ConnectObserver();
        IDatabase db = redis.GetDatabase();
        var keys = new RedisStreamKeys("window");
        RedisKey[] scriptKeys = [keys.Stream, keys.Counters, keys.Producers];
        const int Batches = AppendScript.RepliesKept + 1;
        for (long first = 1; first <= 3 * Batches; first += 3)
            Assert.Equal([3L, 0L, 0L], Reply(db.ScriptEvaluate(AppendScript.Text, scriptKeys, AppendCall(first, 3, after: first - 1))));

        // The last RepliesKept batches (e.g. several in flight, all replies lost) are answered from the stored replies...
        long newest = 3 * (Batches - 1) + 1;
        for (long first = newest; first > newest - 3 * AppendScript.RepliesKept; first -= 3)
            Assert.Equal([3L, 0L, 0L], Reply(db.ScriptEvaluate(AppendScript.Text, scriptKeys, AppendCall(first, 3, after: 0))));
        Assert.Equal(3 * Batches, db.StreamLength(keys.Stream));
        // ...and one sent again after it left the window is counted as duplicates, still never appended twice.
        long[] stale = Reply(db.ScriptEvaluate(AppendScript.Text, scriptKeys, AppendCall(1, 3, after: 0)));
        Assert.Equal([0L, 0L, 3L], stale);
        Assert.Equal(3 * Batches, db.StreamLength(keys.Stream));
    }

    [Fact]
    public void A_batch_that_overtook_an_earlier_one_is_refused_until_that_one_is_handled_so_order_holds()
    {
        using RedisServer? server = RedisServer.StartOrSkip(output);
        if (server is null) return;
        using ConnectionMultiplexer redis = server.ConnectObserver();
        IDatabase db = redis.GetDatabase();
        var keys = new RedisStreamKeys("overtaken");
        RedisKey[] scriptKeys = [keys.Stream, keys.Counters, keys.Producers];

        // Events 4-5 were sent behind events 1-3, whose call was lost on the old connection: refused, nothing changed.
        RedisResult[] refused = (RedisResult[])db.ScriptEvaluate(AppendScript.Text, scriptKeys, AppendCall(4, 2, after: 3))!;
        Assert.Equal((-1L, 0L), ((long)refused[0], (long)refused[1]));
        Assert.Equal(0, db.StreamLength(keys.Stream));
        Assert.False(db.HashExists(keys.Counters, "duplicates"));

        Assert.Equal([3L, 0L, 0L], Reply(db.ScriptEvaluate(AppendScript.Text, scriptKeys, AppendCall(1, 3, after: 0))));
        Assert.Equal([2L, 0L, 0L], Reply(db.ScriptEvaluate(AppendScript.Text, scriptKeys, AppendCall(4, 2, after: 3))));
        Assert.Equal(["1", "2", "3", "4", "5"], db.StreamRange(keys.Stream).Select(e => (string)e["s"]!).ToArray());
    }

    [Fact]
    [Trait("Category", "Stress")]
    public void With_several_batches_in_flight_every_event_is_appended_once_in_order_and_the_balance_is_exact()
    {
        using RedisServer? server = RedisServer.StartOrSkip(output);
        if (server is null) return;
        using ConnectionMultiplexer redis = server.Connect();
        using ConnectionMultiplexer observer = server.ConnectObserver();   // the test's own reads wait out a loaded machine
        using var bus = new TradeBus(new BusOptions { QueueCapacity = 50_000 });
        var publisher = new RedisStreamPublisher<TradeEvent>(redis, TradeJsonCodec.Instance,
            new RedisPublisherOptions { StreamName = "window", BatchSize = 7, MaxBatchesInFlight = 8, Linger = TimeSpan.FromMilliseconds(0.2) });
        bus.AddToQueue(new RedisForwarder(publisher), "redis");
        bus.Start();
        const int count = 20_000;
        for (int i = 1; i <= count; i++)
        {
            bus.Post(new TradeSettled(1, i));
            if (i % 997 == 0) Thread.Sleep(1); // now and then a lingering, incomplete batch between full ones
        }
        bus.WaitUntilEmpty(Deadline);
        bus.Stop();
        publisher.Dispose();

        long[] sequences = observer.GetDatabase().StreamRange(publisher.Keys.Stream).Select(e => (long)e["s"]).ToArray();
        Assert.Equal(Enumerable.Range(1, count).Select(i => (long)i), sequences);
        var balance = publisher.GetStats().Balance(bus.GetStats().Queues["redis"]);
        Assert.True(balance.IsBalanced, balance.ToString());
        Assert.Equal((count, (long)count, 0L), (balance.Posted, balance.Appended, balance.Waiting));
    }

    [Fact]
    public void A_lingering_batch_is_sent_and_accounted_for_by_the_publisher_alone_without_Flush()
    {
        using RedisServer? server = RedisServer.StartOrSkip(output);
        if (server is null) return;
        using ConnectionMultiplexer redis = server.Connect();
        using ConnectionMultiplexer observer = server.ConnectObserver();   // the test's own reads wait out a loaded machine
        var publisher = new RedisStreamPublisher<TradeEvent>(redis, TradeJsonCodec.Instance, new RedisPublisherOptions { StreamName = "linger" });
        try
        {
            for (int i = 1; i <= 5; i++) publisher.Append(new TradeSettled(1, i));   // far from a full batch of 256
            var clock = Stopwatch.StartNew();
            while (publisher.GetStats().Appended < 5 && clock.Elapsed < Deadline) Thread.Sleep(5);
            var stats = publisher.GetStats();
            Assert.Equal((5L, 0L), (stats.Appended, stats.Batched));   // sent after Linger, and its reply accounted for
            Assert.Equal(5, observer.GetDatabase().StreamLength(publisher.Keys.Stream));
        }
        finally
        {
            publisher.Dispose();
        }
    }

    // The script's arguments: capacity, producer, first, notify channel, after, then one payload per event.
    private static RedisValue[] AppendCall(long first, int count, long after) =>
        [1_000_000, "p1", first, "", after, .. Enumerable.Range(0, count).Select(i => (RedisValue)$"{{\"n\":{first + i}}}")];

    private static long[] Reply(RedisResult result) => ((RedisResult[])result!).Select(r => (long)r).ToArray();
}
