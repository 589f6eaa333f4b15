using System;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using GeneratedBus;
using GeneratedBus.Redis.Accounting;
using GeneratedBus.Redis.Subscribing;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace RedisExactlyOnce;

/// <summary>
/// <c>consume --redis host:port --db ledger.db [--until n] [--stall-after n] [--stream ledger] [--group ledger]
/// [--consumer ledger-1] [--batch 64]</c>: reads the stream into a local bus whose Wait queue "effects" has the
/// <see cref="LedgerEffects"/> and, last, the <see cref="Acknowledger"/>; stops at <c>--until</c> effects, on Ctrl+C
/// or SIGTERM, and prints what it applied, skipped and was redelivered.
/// </summary>
public static class ConsumeCommand
{
    private const string Queue = "effects";

    /// <summary>Runs the command; 0 after a clean stop.</summary>
    public static async Task<int> RunAsync(CommandLine line)
    {
        ConsumeOptions options = ConsumeOptions.From(line);
        using ILoggerFactory logging = LoggerFactory.Create(builder => builder.AddSimpleConsole(o => o.SingleLine = true));
        using ConnectionMultiplexer redis = await ConnectionMultiplexer.ConnectAsync(options.Redis + ",abortConnect=false");
        using EffectStore store = EffectStore.Open(options.Database);
        var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using PosixSignalRegistration term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using PosixSignalRegistration interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);

        var bus = new LedgerBus(new BusOptions
        {
            QueueFullMode = QueueFullMode.Wait, // nothing read from the stream is dropped locally
            QueueCapacity = 1_000,
            ExitTimeout = TimeSpan.FromSeconds(10),
            LoggerFactory = logging,
        });
        var subscriber = new RedisStreamSubscriber<LedgerEvent>(redis, LedgerJsonCodec.Instance, bus.PostAsync,
            new RedisSubscriberOptions { StreamName = options.Stream, Group = options.Group, Consumer = options.Consumer, BatchSize = options.BatchSize },
            logging.CreateLogger("RedisExactlyOnce"));
        var effects = new LedgerEffects(subscriber, store, options, () => stop.TrySetResult());
        bus.AddToQueue(effects, Queue);
        bus.AddToQueue(new Acknowledger(subscriber), Queue);
        bus.Start();
        await subscriber.StartAsync();
        Console.WriteLine($"Consuming {options.Stream} as {options.Group}/{options.Consumer} into {options.Database} ({store.Effects} effects already).");
        if (options.Until is long until && store.Effects >= until)
        {
            stop.TrySetResult();
        }

        await stop.Task;

        // Stop order: no more reads; the queue drains (each event applied, then Processed); what it processed is acknowledged.
        await subscriber.StopReadingAsync();
        bus.Stop();
        await subscriber.DisposeAsync();
        bus.Dispose();

        RedisSubscriberStats stats = subscriber.GetStats();
        Console.WriteLine(
            $"Exactly once: applied {effects.Applied}, skipped {effects.Skipped} (already applied); redelivered {stats.Redeliveries}, " +
            $"duplicates {stats.Duplicates}, gaps {stats.Gaps}, acknowledged {stats.Acknowledged}; " +
            $"database: {store.Effects} effects, {store.SkippedTotal()} skipped in all runs.");
        Console.WriteLine(await RedisStreamBalance.ReadAsync(redis.GetDatabase(), subscriber.Keys));
        return 0;

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true; // stop cleanly below instead of the default termination
            stop.TrySetResult();
        }
    }
}
