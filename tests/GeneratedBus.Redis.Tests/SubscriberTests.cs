using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GeneratedBus.Redis.Accounting;
using GeneratedBus.Redis.Subscribing;
using GeneratedBus.Hosting.Tests.Support;
using GeneratedBus.Redis.Tests.Support;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace GeneratedBus.Redis.Tests;

public sealed class SubscriberTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public Task Every_group_sees_every_event_once_in_order_per_producer_and_the_balance_is_exact() =>
        Conservation(producers: 3, events: 2_000);

    // Short in every run (the README's test command runs Stress tests too); GENERATEDBUS_STRESS=long: the issue's
    // 4 producers of 100,000 events each.
    [Fact]
    [Trait("Category", "Stress")]
    public Task Conservation_holds_for_four_producers_under_stress() =>
        Conservation(producers: 4, events: StressSize.Long ? 100_000 : 10_000);

    private async Task Conservation(int producers, int events)
    {
        using RedisServer? server = RedisServer.StartOrSkip(output);
        if (server is null) return;
        using ConnectionMultiplexer redis = server.Connect();
        const string stream = "conservation";
        await using var audit = new LocalConsumer(redis, Options(stream, "audit", "a1"));
        await using var history1 = new LocalConsumer(redis, Options(stream, "history", "h1"));
        await using var history2 = new LocalConsumer(redis, Options(stream, "history", "h2"));
        LocalConsumer[] consumers = [audit, history1, history2];
        foreach (LocalConsumer c in consumers) await c.StartAsync();   // groups first: they may start before the producers

        RedisPublisherBalance[] published = await Producers.RunAsync(redis, stream, producers, events, Deadline);
        long total = (long)producers * events;
        foreach (RedisPublisherBalance b in published)
        {
            Assert.True(b.IsBalanced, b.ToString());
            Assert.Equal((events, (long)events, 0L), (b.Posted, b.Appended, b.DroppedStreamFull + b.DroppedUnreachable + b.Duplicates + b.Waiting));
        }

        var keys = new RedisStreamKeys(stream);
        RedisStreamBalance balance = null!;
        await Waiting.UntilAsync(async () =>
        {
            balance = await RedisStreamBalance.ReadAsync(redis.GetDatabase(), keys);
            // The server's counters, and each consumer's own count once the script's reply reached it.
            return balance.Groups.Count == 2 && balance.Groups.All(g => g.Acknowledged == total)
                && consumers.All(c => c.Subscriber.GetStats() is { } s && s.Acknowledged == s.Delivered);
        }, Deadline, () => balance?.ToString() ?? "no balance yet");
        output.WriteLine(balance.ToString());
        Assert.True(balance.IsBalanced, balance.ToString());
        Assert.Equal((total, 0L, 0L), (balance.Appended, balance.DroppedStreamFull, balance.Duplicates));
        Assert.All(balance.Groups, g => Assert.Equal((total, 0L, 0L), (g.Acknowledged, g.Pending, g.Unread)));

        DeliveryAssert.EachOnceInOrder(audit.SeenSnapshot(), producers, events);
        List<RedisDelivery> historySeen = [.. history1.SeenSnapshot(), .. history2.SeenSnapshot()];
        DeliveryAssert.EachOnce(historySeen, producers, events);
        DeliveryAssert.InOrderPerProducer(history1.SeenSnapshot());
        DeliveryAssert.InOrderPerProducer(history2.SeenSnapshot());
        Assert.True(history1.SeenSnapshot().Count > 0 && history2.SeenSnapshot().Count > 0, "both consumers of the shared group had a share");
        foreach (LocalConsumer c in consumers)
        {
            RedisSubscriberStats s = c.Subscriber.GetStats();
            output.WriteLine(s.ToString());   // a reply lost to a timeout on a loaded machine shows as redeliveries here
            Assert.Equal(0, s.Undecodable);
            Assert.Equal(s.Delivered, s.Acknowledged);
        }
        Assert.Equal(0, audit.Subscriber.GetStats().Gaps);   // a group of one consumer sees every sequence
    }

    [Theory]
    [InlineData("c1", "the same consumer restarted re-reads its own pending entries")]
    [InlineData("c2", "another consumer claims the dead one's idle entries")]
    public async Task A_consumer_that_dies_without_acknowledging_loses_nothing_and_nothing_is_processed_twice(string restartedAs, string why)
    {
        output.WriteLine(why);
        using RedisServer? server = RedisServer.StartOrSkip(output);
        if (server is null) return;
        using ConnectionMultiplexer redis = server.Connect();
        const string stream = "crash";
        const int events = 3_000;
        using var crash = new ManualResetEventSlim();
        int recorded = 0;
        var dying = new LocalConsumer(redis, Options(stream, "g", "c1"), gate: _ =>
        {
            if (Interlocked.Increment(ref recorded) <= 500) return true;
            crash.Wait(Deadline);                               // the 501st event: the process hangs, then dies
            return false;
        });
        await dying.StartAsync();
        await Producers.RunAsync(redis, stream, producers: 1, events, Deadline);
        await Waiting.UntilAsync(() => Task.FromResult(Volatile.Read(ref recorded) > 500), Deadline, () => $"recorded {recorded}");
        List<RedisDelivery> beforeCrash = dying.SeenSnapshot();
        await dying.Subscriber.DisposeAsync();                  // acknowledges the processed ones only
        crash.Set();
        dying.Bus.Stop();
        dying.Bus.Dispose();
        RedisSubscriberStats died = dying.Subscriber.GetStats();
        Assert.Equal(500, beforeCrash.Count);

        var keys = new RedisStreamKeys(stream);
        RedisStreamBalance afterCrash = await RedisStreamBalance.ReadAsync(redis.GetDatabase(), keys);
        Assert.True(afterCrash.Groups[0].Pending > 0, afterCrash.ToString());
        Assert.True(afterCrash.IsBalanced, afterCrash.ToString());

        RedisSubscriberOptions restartOptions = Options(stream, "g", restartedAs);
        restartOptions.ClaimIdleTime = TimeSpan.FromMilliseconds(200);
        restartOptions.ClaimInterval = TimeSpan.FromMilliseconds(100);
        await using var restarted = new LocalConsumer(redis, restartOptions);
        await restarted.StartAsync();
        RedisStreamBalance balance = afterCrash;
        await Waiting.UntilAsync(async () =>
        {
            balance = await RedisStreamBalance.ReadAsync(redis.GetDatabase(), keys);
            return balance.Groups[0].Acknowledged == events;
        }, Deadline, () => balance.ToString());

        List<RedisDelivery> all = [.. beforeCrash, .. restarted.SeenSnapshot()];
        DeliveryAssert.EachOnce(all, producers: 1, events);
        RedisSubscriberStats s = restarted.Subscriber.GetStats();
        output.WriteLine($"died: {died}; restarted: {s}; {balance}");
        // Exactly the dead consumer's pending entries, re-read; on a loaded machine the restarted one may also claim its
        // own slow entries again (idle past ClaimIdleTime), and those are counted as duplicates, never handed twice.
        Assert.Equal(afterCrash.Groups[0].Pending, s.Redeliveries - s.Duplicates);
        Assert.True(restarted.SeenSnapshot().Count(d => d.Redelivered) == s.Redeliveries - s.Duplicates);
        Assert.Equal((0L, 0L), (balance.Groups[0].Pending, balance.Groups[0].Unread));
        Assert.True(balance.IsBalanced, balance.ToString());
    }

    [Fact]
    public async Task An_entry_claimed_again_while_still_in_this_process_is_counted_as_a_duplicate_and_not_handed_twice()
    {
        using RedisServer? server = RedisServer.StartOrSkip(output);
        if (server is null) return;
        using ConnectionMultiplexer redis = server.Connect();
        const string stream = "reclaim";
        const int events = 200;
        RedisSubscriberOptions options = Options(stream, "g", "c1");
        options.ClaimIdleTime = TimeSpan.Zero;                     // every pending entry is "idle": claimed again at once
        options.ClaimInterval = TimeSpan.FromMilliseconds(5);
        await using var slow = new LocalConsumer(redis, options, gate: _ => { Thread.Sleep(2); return true; });
        await slow.StartAsync();
        await Producers.RunAsync(redis, stream, producers: 1, events, Deadline);
        var keys = new RedisStreamKeys(stream);
        RedisStreamBalance balance = null!;
        await Waiting.UntilAsync(async () =>
        {
            balance = await RedisStreamBalance.ReadAsync(redis.GetDatabase(), keys);
            return balance.Groups[0].Acknowledged == events;
        }, Deadline, () => balance?.ToString() ?? "");

        DeliveryAssert.EachOnceInOrder(slow.SeenSnapshot(), producers: 1, events);
        RedisSubscriberStats s = slow.Subscriber.GetStats();
        output.WriteLine(s.ToString());
        Assert.True(s.Duplicates > 0, "the slow queue's entries should have been claimed again while in the process");
        Assert.Equal(events, s.Delivered);
        Assert.True(balance.IsBalanced, balance.ToString());
    }

    [Fact]
    public async Task Trimming_removes_only_what_every_group_acknowledged()
    {
        using RedisServer? server = RedisServer.StartOrSkip(output);
        if (server is null) return;
        using ConnectionMultiplexer redis = server.Connect();
        const string stream = "trim";
        var keys = new RedisStreamKeys(stream);
        IDatabase db = redis.GetDatabase();
        await RedisGroups.EnsureAsync(db, keys, "lagging");           // registered, reads nothing
        await using var reader = new LocalConsumer(redis, Options(stream, "reading", "r1"));
        await reader.StartAsync();
        await Producers.RunAsync(redis, stream, producers: 1, events: 100, Deadline);
        await Waiting.UntilAsync(async () => (await RedisStreamBalance.ReadAsync(db, keys)).Groups.Single(g => g.Group == "reading").Acknowledged == 100,
            Deadline, () => "reading group did not acknowledge all");

        Assert.Equal(0, await RedisStreamTrimmer.TrimAcknowledgedAsync(db, keys));   // the lagging group read nothing
        Assert.Equal(100, await db.StreamLengthAsync(keys.Stream));

        await db.StreamCreateConsumerGroupAsync(keys.Stream, "late", StreamPosition.NewMessages);   // nothing unread for it
        await db.StreamDeleteConsumerGroupAsync(keys.Stream, "lagging");
        long trimmed = await RedisStreamTrimmer.TrimAcknowledgedAsync(db, keys);
        Assert.Equal(99, trimmed);                                  // all but the last delivered entry, the floor
        Assert.Equal(100, (await RedisStreamBalance.ReadAsync(db, keys)).Appended);
    }

    [Fact]
    public async Task An_error_that_is_not_an_outage_stops_reading_is_logged_as_an_error_and_kept_as_the_fault()
    {
        using RedisServer? server = RedisServer.StartOrSkip(output);
        if (server is null) return;
        using ConnectionMultiplexer redis = server.ConnectObserver();
        var logs = new CollectingLoggerProvider();
        await using var subscriber = new RedisStreamSubscriber<TradeEvent>(redis, TradeJsonCodec.Instance, (_, _) => ValueTask.CompletedTask,
            Options("faulting", "doomed", "d1"), logs.CreateLogger("subscriber"));
        await subscriber.StartAsync();
        Assert.Null(subscriber.Fault);

        // Someone destroys the group: every read now fails with NOGROUP, which no retry would cure.
        Assert.True(await redis.GetDatabase().StreamDeleteConsumerGroupAsync(new RedisStreamKeys("faulting").Stream, "doomed"));
        await Waiting.UntilAsync(() => Task.FromResult(subscriber.Fault is not null), Deadline, () => "no fault yet");

        Assert.Contains("NOGROUP", subscriber.Fault!.Message, StringComparison.Ordinal);
        LogEntry error = Assert.Single(logs.Entries, e => e.EventId.Id == 104);
        Assert.Equal((LogLevel.Error, "RedisSubscriberFailed"), (error.Level, error.EventId.Name));
    }

    [Fact]
    public async Task While_the_local_Wait_queue_is_full_what_it_processed_is_acknowledged_without_waiting_for_the_rest_of_the_batch()
    {
        using RedisServer? server = RedisServer.StartOrSkip(output);
        if (server is null) return;
        using ConnectionMultiplexer redis = server.ConnectObserver();
        await Producers.RunAsync(redis, "full-queue", producers: 1, events: 300, Deadline);
        using var gate = new SemaphoreSlim(0);
        using var bus = new TradeBus(new BusOptions { QueueCapacity = 16, QueueFullMode = QueueFullMode.Wait, ExitTimeout = Deadline });
        await using var subscriber = new RedisStreamSubscriber<TradeEvent>(redis, TradeJsonCodec.Instance, bus.PostAsync,
            Options("full-queue", "slow", "s1", batchSize: 256));
        bus.AddToQueue(new GatedListener(gate), "in");
        bus.AddToQueue(new ProcessedListener(subscriber), "in");
        bus.Start();
        await subscriber.StartAsync();

        // One read of 256 entries; the queue holds 16, so the subscriber waits for room in the middle of that batch.
        await Waiting.UntilAsync(() => Task.FromResult(bus.GetStats().Queues["in"] is { } q && q.Posted == q.Capacity), Deadline,
            () => $"the queue never filled: {bus.GetStats().Queues["in"]}");
        gate.Release(100);

        // The 100 processed ones are acknowledged while the rest of the batch still waits to be posted.
        await Waiting.UntilAsync(() => Task.FromResult(subscriber.GetStats().Acknowledged >= 100), Deadline,
            () => $"acknowledged {subscriber.GetStats().Acknowledged} of the 100 processed while the queue was full");
        Assert.True(subscriber.GetStats().Delivered < 256, "the batch was posted to its end before anything was acknowledged");
        RedisGroupBalance slow = (await RedisStreamBalance.ReadAsync(redis.GetDatabase(), new RedisStreamKeys("full-queue"))).Groups.Single();
        Assert.Equal(100, slow.Acknowledged);

        gate.Release(1_000);
        await Waiting.UntilAsync(() => Task.FromResult(subscriber.GetStats().Acknowledged == 300), Deadline,
            () => $"acknowledged {subscriber.GetStats().Acknowledged} of 300");
        Assert.Equal((300L, 300L, 0L), (subscriber.GetStats().Delivered, subscriber.GetStats().Processed, subscriber.GetStats().Duplicates));
    }

    private sealed class GatedListener(SemaphoreSlim gate) : TradeFirehoseListener
    {
        public override void OnEvent(TradeEvent e)
        {
            if (!gate.Wait(Deadline)) throw new TimeoutException("the test never opened the gate");
        }
    }

    private sealed class ProcessedListener(RedisStreamSubscriber<TradeEvent> subscriber) : TradeFirehoseListener
    {
        public override void OnEvent(TradeEvent e) => subscriber.Processed(e);
    }

    [Fact]
    public async Task The_balance_counts_unread_entries_when_Redis_has_no_lag_for_the_group()
    {
        using RedisServer? server = RedisServer.StartOrSkip(output);
        if (server is null) return;
        using ConnectionMultiplexer redis = server.ConnectObserver();
        IDatabase db = redis.GetDatabase();
        var keys = new RedisStreamKeys("lagless");
        foreach (string id in new[] { "1-1", "2-1", "3-1", "4-1" }) await db.StreamAddAsync(keys.Stream, "e", "{}", id);
        await db.StreamCreateConsumerGroupAsync(keys.Stream, "g", "0-0");
        Assert.Single(await db.StreamReadGroupAsync(keys.Stream, "g", "c", StreamPosition.NewMessages, 1));   // 1-1 pending
        await db.StreamDeleteAsync(keys.Stream, ["3-1"]);                                                    // XINFO's lag is now null
        Assert.Null((await db.StreamGroupInfoAsync(keys.Stream)).Single().Lag);

        RedisGroupBalance group = Assert.Single((await RedisStreamBalance.ReadAsync(db, keys)).Groups);

        Assert.Equal((1L, 2L), (group.Pending, group.Unread));   // 2-1 and 4-1 are unread; 3-1 is gone
    }

    private static RedisSubscriberOptions Options(string stream, string group, string consumer, int batchSize = 100) => new()
    {
        StreamName = stream, Group = group, Consumer = consumer, BatchSize = batchSize, MaxPollDelay = TimeSpan.FromMilliseconds(20),
    };
}
