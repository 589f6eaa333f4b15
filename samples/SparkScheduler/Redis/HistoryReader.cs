using System;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using GeneratedBus;
using GeneratedBus.Redis;
using GeneratedBus.Redis.Accounting;
using GeneratedBus.Redis.Subscribing;
using SparkScheduler.Cli;
using SparkScheduler.Events;
using SparkScheduler.Listeners;
using StackExchange.Redis;

namespace SparkScheduler.Redis;

/// <summary>
/// <c>history</c>'s reading: a consumer group of its own, created at the stream's start, posts every entry into a local
/// bus whose <c>Wait</c> queue holds a fresh <see cref="AppStatusListener"/> (as <c>replay</c>'s does), then the
/// end watcher, then the acknowledger. It reads until the run has ended (its end marker, or its ApplicationEnd) and
/// every appended entry is acknowledged, or until nothing new arrived for the timeout. A group that balanced is then
/// removed from the stream; one that did not stays there to be inspected.
/// </summary>
internal static class HistoryReader
{
    private static readonly TimeSpan CheckInterval = TimeSpan.FromMilliseconds(20);

    public static async Task<HistoryResult> ReadAsync(ConnectionMultiplexer redis, HistoryOptions options)
    {
        // A group per process, so every history reads the whole stream, however many read it before.
        string group = $"history-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}";
        var listener = new AppStatusListener();
        var end = new ApplicationEndSeen();
        using var bus = new SparkBus(new BusOptions { Name = "SparkSchedulerHistory", QueueFullMode = QueueFullMode.Wait });
        var subscriber = new RedisStreamSubscriber<SparkListenerEvent>(redis, SparkJsonCodec.Instance, bus.PostAsync,
            new RedisSubscriberOptions { StreamName = options.Stream.Name, Group = group, Consumer = "history" });
        bus.AddToQueue(listener, QueueNames.AppStatus);
        bus.AddToQueue(end, QueueNames.AppStatus);
        bus.AddToQueue(new Acknowledger(subscriber), QueueNames.AppStatus);
        bus.Start();
        bool ended;
        try
        {
            await subscriber.StartAsync().ConfigureAwait(false);
            ended = await WaitForEndAsync(redis.GetDatabase(), options, group, subscriber, end).ConfigureAwait(false);
        }
        finally
        {
            // Acknowledges what the queue processed; anything left stays pending in this group, counted in the balance.
            await subscriber.DisposeAsync().ConfigureAwait(false);
            bus.Stop();
        }

        RedisStreamBalance server = await RedisStreamBalance.ReadAsync(redis.GetDatabase(), subscriber.Keys).ConfigureAwait(false);
        RedisGroupBalance mine = server.Groups.FirstOrDefault(g => g.Group == group) ?? new RedisGroupBalance(group, 0, 0, server.Appended);
        var balance = new HistoryBalance(options.Stream.Name, group, server.Appended, mine, subscriber.GetStats());
        long failures = bus.GetStats().Listeners.Values.Sum(l => l.Failures);
        GroupFate fate = ended && balance.IsBalanced
            ? await RemoveGroupAsync(redis.GetDatabase(), subscriber.Keys, group).ConfigureAwait(false)
            : GroupFate.Kept;
        return new HistoryResult(ended, listener.Store, listener.Summary(), balance, failures, fate);
    }

    // Done with: every entry the run appended is acknowledged in it, so it holds nothing to inspect, and a group left
    // behind by every history would pile up on the stream. A group that did not balance stays, with its pending entries.
    private static async Task<GroupFate> RemoveGroupAsync(IDatabase db, RedisStreamKeys keys, string group)
    {
        try
        {
            return await db.StreamDeleteConsumerGroupAsync(keys.Stream, group).ConfigureAwait(false) ? GroupFate.Removed : GroupFate.Kept;
        }
        catch (Exception e) when (e is RedisConnectionException or RedisTimeoutException)
        {
            return GroupFate.RemovalFailed;
        }
    }

    private static async Task<bool> WaitForEndAsync(
        IDatabase db, HistoryOptions options, string group, RedisStreamSubscriber<SparkListenerEvent> subscriber, ApplicationEndSeen end)
    {
        var idle = Stopwatch.StartNew();
        long read = -1;
        while (true)
        {
            RedisSubscriberStats stats = subscriber.GetStats();
            if (stats.Delivered + stats.Undecodable != read)
            {
                read = stats.Delivered + stats.Undecodable;
                idle.Restart();
            }

            try
            {
                if (end.Seen || await db.KeyExistsAsync(options.Stream.End).ConfigureAwait(false))
                {
                    RedisStreamBalance server = await RedisStreamBalance.ReadAsync(db, options.Stream.Keys).ConfigureAwait(false);
                    RedisGroupBalance? mine = server.Groups.FirstOrDefault(g => g.Group == group);
                    if (mine is { Pending: 0 } && mine.Acknowledged == server.Appended)
                    {
                        return true;
                    }
                }
            }
            catch (Exception e) when (e is RedisConnectionException or RedisTimeoutException)
            {
                // Redis is away: the subscriber retries on its own, and the timeout still bounds the wait.
            }

            if (idle.Elapsed >= options.Timeout)
            {
                return false;
            }

            await Task.Delay(CheckInterval).ConfigureAwait(false);
        }
    }
}
