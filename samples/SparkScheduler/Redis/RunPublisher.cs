using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using GeneratedBus;
using GeneratedBus.Redis.Publishing;
using SparkScheduler.Events;
using SparkScheduler.Listeners;
using StackExchange.Redis;

namespace SparkScheduler.Redis;

/// <summary>
/// The main job's side of the bridge (<c>--redis</c>): a publisher on a <c>DropWrite</c> queue of its own appends every
/// event to the run's stream; after the bus stopped it sends the rest, writes the end marker and balances.
/// </summary>
internal sealed class RunPublisher : IDisposable
{
    private readonly ConnectionMultiplexer _redis;
    private readonly RunStream _stream;
    private readonly RedisStreamPublisher<SparkListenerEvent> _publisher;
    private readonly RedisForwarder _forwarder;
    private bool _publisherDisposed; // the publisher's Dispose may run once only
    private bool _gaveUp;

    private RunPublisher(ConnectionMultiplexer redis, RunStream stream)
    {
        _redis = redis;
        _stream = stream;
        _publisher = new RedisStreamPublisher<SparkListenerEvent>(redis, SparkJsonCodec.Instance, new RedisPublisherOptions { StreamName = stream.Name });
        _forwarder = new RedisForwarder(_publisher);
    }

    /// <summary>
    /// How long the run waits, once the driver is done, for a publisher that sends nothing (Redis unreachable) before
    /// it gives up on the events still queued and counts them as dropped.
    /// </summary>
    public static readonly TimeSpan StallTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Connects and checks that the stream holds no earlier run (a <c>history</c> waiting on it is fine).</summary>
    /// <exception cref="RedisSetupException">Redis is unreachable, or the stream already holds a run.</exception>
    public static RunPublisher Open(RedisAddress address, RunStream stream)
    {
        ConnectionMultiplexer redis = RedisConnection.Open(address);
        try
        {
            RefuseUsedStream(redis.GetDatabase(), stream);
            return new RunPublisher(redis, stream);
        }
        catch
        {
            redis.Dispose();
            throw;
        }
    }

    /// <summary>Puts the forwarder on the <c>redis</c> queue (configure that queue as <c>DropWrite</c>).</summary>
    public void Attach(SparkBus bus) => bus.AddToQueue(_forwarder, QueueNames.Redis);

    /// <summary>
    /// Before <c>bus.Stop()</c>, which waits for every queue: waits while the <c>redis</c> queue still has events and
    /// the publisher keeps sending them. When it has sent nothing for <see cref="StallTimeout"/> (Redis is
    /// unreachable), it gives up: the publisher stops retrying and counts its batch as abandoned, and the events still
    /// queued are counted as not sent, so the run ends instead of waiting for Redis forever.
    /// </summary>
    public void DrainOrGiveUp(SparkBus bus)
    {
        var stalled = Stopwatch.StartNew();
        long processed = -1;
        while (true)
        {
            QueueStats queue = bus.GetStats().Queues[QueueNames.Redis];
            if (queue.Processed + queue.Dropped >= queue.Posted)
            {
                return;
            }

            if (queue.Processed != processed)
            {
                processed = queue.Processed;
                stalled.Restart();
            }
            else if (stalled.Elapsed >= StallTimeout)
            {
                _gaveUp = true;
                _forwarder.StopSending();
                DisposePublisher(); // releases the forwarder's retrying Append; its batch is abandoned, counted
                return;
            }

            Thread.Sleep(20);
        }
    }

    /// <summary>
    /// After the bus stopped: sends the last batch (or counts it abandoned), writes the end marker, and balances the
    /// publisher with its queue's <paramref name="queue"/> stats.
    /// </summary>
    public PublishedRun Finish(QueueStats queue)
    {
        DisposePublisher();
        // Events the forwarder counted instead of sending, after the run gave up on Redis, were dropped as unreachable.
        var balance = _publisher.GetStats().Balance(queue with { Dropped = queue.Dropped + _forwarder.NotSent });
        bool marked;
        try
        {
            _redis.GetDatabase().HashSet(_stream.End, [new("producer", _publisher.ProducerId), new("appended", balance.Appended)]);
            marked = true;
        }
        catch (Exception e) when (e is RedisConnectionException or RedisTimeoutException)
        {
            marked = false; // history then stops at the run's ApplicationEnd, if that reached the stream
        }

        return new PublishedRun(_stream.Name, _publisher.ProducerId, balance, marked, _gaveUp);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        DisposePublisher();
        _redis.Dispose();
    }

    private void DisposePublisher()
    {
        if (!_publisherDisposed)
        {
            _publisherDisposed = true;
            _publisher.Dispose();
        }
    }

    // Two runs in one stream would make history's application a mix of both: each run gets a stream of its own.
    private static void RefuseUsedStream(IDatabase db, RunStream stream)
    {
        long handled = db.HashGetAll(stream.Keys.Counters)
            .Where(c => c.Name == "appended" || c.Name == "dropped_full" || c.Name == "duplicates")
            .Sum(c => (long)c.Value);
        if (handled > 0 || db.KeyExists(stream.End))
        {
            throw new RedisSetupException(
                $"stream '{stream.Name}' already holds a run ({handled} events handled); history would mix two runs. Give --stream another name, "
                + $"or delete the stream's keys: redis-cli DEL '{stream.Keys.Stream}' '{stream.Keys.Counters}' '{stream.Keys.Producers}' '{stream.End}'");
        }
    }
}
