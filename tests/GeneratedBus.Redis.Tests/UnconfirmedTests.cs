using System;
using System.Diagnostics;
using System.Linq;
using GeneratedBus.Hosting.Tests.Support;
using GeneratedBus.Redis.Accounting;
using GeneratedBus.Redis.Publishing;
using GeneratedBus.Redis.Tests.Support;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace GeneratedBus.Redis.Tests;

/// <summary>
/// What <c>Dispose</c> gives up on is split by what is known: events never sent are abandoned (dropped, counted), events
/// sent in a call whose reply never came are unconfirmed, because the server may have appended them.
/// </summary>
public sealed class UnconfirmedTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public void Sent_but_unanswered_events_are_unconfirmed_not_abandoned_and_the_stream_holds_them_once_Redis_resumes()
    {
        using RedisServer? server = RedisServer.StartOrSkip(output);
        if (server is null) return;
        using ConnectionMultiplexer redis = server.Connect();
        using ConnectionMultiplexer observer = server.ConnectObserver();
        var logs = new CollectingLoggerProvider();
        using var bus = new TradeBus(new BusOptions { QueueCapacity = 1_000 });
        // Two calls in flight at most, and a linger long enough that only a full batch is sent before Dispose.
        var publisher = new RedisStreamPublisher<TradeEvent>(redis, TradeJsonCodec.Instance,
            new RedisPublisherOptions
            {
                StreamName = "unconfirmed", ProducerId = "p", BatchSize = 10, MaxBatchesInFlight = 2,
                Linger = TimeSpan.FromMinutes(10), DisposeTimeout = TimeSpan.FromSeconds(1),
            },
            logs.CreateLogger("publisher"));
        bus.AddToQueue(new RedisForwarder(publisher), "redis");
        bus.Start();
        for (int i = 1; i <= 5; i++) bus.Post(new TradeSettled(1, i));
        bus.WaitUntilEmpty(Deadline);
        publisher.Flush();   // sequences 1..5 appended and answered
        Assert.Equal(5, publisher.GetStats().Appended);

        RedisPublisherStats stats;
        RedisPublisherBalance balance;
        var disposing = Stopwatch.StartNew();
        server.Pause();
        try
        {
            // 6..15 and 16..25 fill two batches, sent and never answered; 26..28 stay batched: the window is full.
            for (int i = 6; i <= 28; i++) bus.Post(new TradeSettled(1, i));
            bus.WaitUntilEmpty(Deadline);
            bus.Stop();
            disposing.Restart();
            publisher.Dispose();
            disposing.Stop();
            stats = publisher.GetStats();
            balance = stats.Balance(bus.GetStats().Queues["redis"]);
        }
        finally
        {
            server.Resume();
        }

        output.WriteLine($"{stats}; {balance}; Dispose took {disposing.ElapsedMilliseconds} ms");
        Assert.True(disposing.Elapsed < Deadline, $"Dispose took {disposing.Elapsed}");
        Assert.Equal((28L, 5L, 20L, 3L, 0L), (stats.Received, stats.Appended, stats.Unconfirmed, stats.Abandoned, stats.Batched));
        Assert.True(balance.IsBalanced, balance.ToString());
        Assert.Equal((28L, 20L, 3L, 0L), (balance.Posted, balance.Unconfirmed, balance.DroppedUnreachable, balance.Waiting));
        Assert.Contains("unconfirmed 20: balanced", balance.ToString(), StringComparison.Ordinal);
        LogEntry gaveUp = Assert.Single(logs.Entries, e => e.EventId.Name == "RedisPublisherGaveUp");
        Assert.Equal(LogLevel.Warning, gaveUp.Level);
        Assert.Contains("20 events were sent but never answered", gaveUp.Message, StringComparison.Ordinal);
        Assert.Contains("3 were never sent or refused", gaveUp.Message, StringComparison.Ordinal);

        // Resumed, the server runs the calls it had received: the unconfirmed events are in the stream (counting them
        // as dropped would have been wrong), the abandoned ones are not, and nothing is there twice.
        IDatabase db = observer.GetDatabase();
        var waited = Stopwatch.StartNew();
        while (db.StreamLength(publisher.Keys.Stream) < 25 && waited.Elapsed < Deadline) System.Threading.Thread.Sleep(20);
        long[] sequences = db.StreamRange(publisher.Keys.Stream).Select(e => (long)e["s"]).ToArray();
        Assert.Equal(Enumerable.Range(1, 25).Select(i => (long)i), sequences);
    }

    [Fact]
    public void Dispose_keeps_to_DisposeTimeout_while_the_background_flush_waits_for_a_reply_that_never_comes()
    {
        using RedisServer? server = RedisServer.StartOrSkip(output);
        if (server is null) return;
        // The connection waits 30 s for an answer: Dispose must not inherit that wait from the background flush.
        using ConnectionMultiplexer redis = ConnectionMultiplexer.Connect(server.Configuration + ",asyncTimeout=30000");
        using var bus = new TradeBus(new BusOptions { QueueCapacity = 1_000 });
        var disposeTimeout = TimeSpan.FromSeconds(1);
        var publisher = new RedisStreamPublisher<TradeEvent>(redis, TradeJsonCodec.Instance,
            new RedisPublisherOptions
            {
                StreamName = "lingering", ProducerId = "p", BatchSize = 100, Linger = TimeSpan.FromMilliseconds(20),
                DisposeTimeout = disposeTimeout,
            });
        bus.AddToQueue(new RedisForwarder(publisher), "redis");
        bus.Start();
        bus.Post(new TradeSettled(1, 1));
        bus.WaitUntilEmpty(Deadline);
        publisher.Flush();
        Assert.Equal(1, publisher.GetStats().Appended);

        RedisPublisherStats stats;
        var disposing = Stopwatch.StartNew();
        server.Pause();
        try
        {
            // A batch smaller than BatchSize: only the background flush sends it, after the linger, and then waits.
            for (int i = 2; i <= 4; i++) bus.Post(new TradeSettled(1, i));
            bus.WaitUntilEmpty(Deadline);
            // Fifteen lingers: the flush has sent the batch (the Unconfirmed count below says so; unsent, it would
            // be abandoned) and waits for its reply.
            System.Threading.Thread.Sleep(300);
            bus.Stop();
            disposing.Restart();
            publisher.Dispose();
            disposing.Stop();
            stats = publisher.GetStats();
        }
        finally
        {
            server.Resume();
        }

        output.WriteLine($"{stats}; Dispose took {disposing.ElapsedMilliseconds} ms");
        // DisposeTimeout, plus slack for a loaded machine, and far below the connection's 30 s.
        Assert.True(disposing.Elapsed < disposeTimeout + TimeSpan.FromSeconds(4), $"Dispose took {disposing.Elapsed}");
        Assert.Equal((4L, 1L, 3L, 0L), (stats.Received, stats.Appended, stats.Unconfirmed, stats.Abandoned));
        Assert.True(stats.Balance(bus.GetStats().Queues["redis"]).IsBalanced);
    }
}
