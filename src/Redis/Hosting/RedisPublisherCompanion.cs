using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using GeneratedBus.Hosting;
using GeneratedBus.Redis.Accounting;
using GeneratedBus.Redis.Publishing;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace GeneratedBus.Redis.Hosting;

/// <summary>
/// A hosted publisher's place in the bus's lifecycle: a sink, so it has nothing to do until the bus drained; then
/// its last batch goes (retried for <see cref="RedisPublisherOptions.DisposeTimeout"/>, the rest counted as abandoned
/// if never sent, or unconfirmed if sent and never answered) and the balance with its queue is logged.
/// </summary>
internal sealed class RedisPublisherCompanion<TEvent>(
    RedisStreamPublisher<TEvent> publisher, IConnectionMultiplexer connection, Func<QueueStats?> queue, ILogger logger) : IBusCompanion
{
    private static readonly TimeSpan SettleTime = TimeSpan.FromSeconds(2);

    public RedisStreamPublisher<TEvent> Publisher => publisher;

    public IConnectionMultiplexer Connection => connection;

    /// <summary>The stats of the publisher's bus queue, when the bus has made it.</summary>
    public QueueStats? Queue() => queue();

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task BusStoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task BusStoppedAsync(CancellationToken cancellationToken)
    {
        // Dispose blocks for at most DisposeTimeout while Redis is unreachable: off the host's thread.
        await Task.Run(publisher.Dispose, CancellationToken.None).ConfigureAwait(false);

        // A queue the bus's stop abandoned (its listener waiting on Redis here) counts what it still holds as dropped
        // once that listener returns, which Dispose just allowed: let it settle, boundedly, so the balance logged is final.
        var settling = Stopwatch.StartNew();
        while (queue() is { } held && held.Posted > held.Processed + held.Dropped && settling.Elapsed < SettleTime)
        {
            await Task.Delay(10, CancellationToken.None).ConfigureAwait(false);
        }

        RedisPublisherStats stats = publisher.GetStats();
        if (queue() is not { } queueStats)
        {
            logger.PublisherStopped(publisher.ProducerId, publisher.Keys.Name, stats.ToString());
            return;
        }

        RedisPublisherBalance balance = stats.Balance(queueStats);
        if (balance.IsBalanced)
        {
            logger.PublisherStopped(publisher.ProducerId, publisher.Keys.Name, balance.ToString());
        }
        else
        {
            logger.PublisherUnbalanced(publisher.ProducerId, publisher.Keys.Name, balance.ToString());
        }
    }
}
