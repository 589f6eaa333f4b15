using System;
using System.Buffers;
using System.Text.Json;
using System.Threading.Tasks;
using GeneratedBus.Benchmarks.Events.Log;
using GeneratedBus.Redis;
using GeneratedBus.Redis.Accounting;
using GeneratedBus.Redis.Publishing;
using StackExchange.Redis;

namespace GeneratedBus.Benchmarks.Redis;

/// <summary>
/// Issue 13's throughput pair against one private redis-server: <see cref="RedisStreamPublisher{TEvent}"/> (batches of
/// <see cref="BatchSize"/> through the append script) beside a bare pipelined <c>XADD</c> loop that sends the same
/// payloads, the generated codec's JSON of the same events with the same fields (<c>p</c>, <c>s</c>, <c>e</c>), in
/// pipelines of the same size, each awaited before the next. Both start from event objects and encode each one the
/// same way. Each side writes its own stream and unlinks it every <see cref="ResetEvery"/> entries, so the server's
/// memory stays flat.
/// </summary>
public sealed class RedisAppendRig : IDisposable
{
    /// <summary>Events per script call, and per pipeline of the bare loop.</summary>
    public const int BatchSize = 256;

    private const int ResetEvery = 32_768;
    private readonly BenchRedisServer _server;
    private readonly ConnectionMultiplexer _redis;
    private readonly IDatabase _database;
    private readonly ClusterEvent[] _events = [.. ClusterLog.Events(2_000)];
    private readonly RedisStreamPublisher<ClusterEvent> _publisher;
    private readonly RedisKey _bareStream = new RedisStreamKeys("bench-bare").Stream;
    private readonly RedisValue _bareProducer = "bench:bare";
    private readonly ArrayBufferWriter<byte> _buffer = new();
    private readonly Utf8JsonWriter _writer;
    private readonly Task<RedisValue>[] _pipeline = new Task<RedisValue>[BatchSize];
    private int _oursCursor, _bareCursor, _oursSinceReset, _bareSinceReset;
    private long _oursGiven, _bareSequence, _bareAppended;

    private RedisAppendRig(BenchRedisServer server)
    {
        _server = server;
        _redis = server.Connect();
        _database = _redis.GetDatabase();
        _publisher = new RedisStreamPublisher<ClusterEvent>(_redis, ClusterJsonCodec.Instance, new RedisPublisherOptions
        {
            StreamName = "bench-ours", ProducerId = "bench:ours", BatchSize = BatchSize, Capacity = 10 * ResetEvery,
        });
        _writer = new Utf8JsonWriter(_buffer);
    }

    /// <summary>A rig on a fresh redis-server, or null when redis-server is not installed.</summary>
    public static RedisAppendRig? TryStart() => BenchRedisServer.TryStart() is { } server ? new RedisAppendRig(server) : null;

    /// <summary>Ours: <paramref name="count"/> events through the publisher, then whatever is still batched.</summary>
    public void Publish(int count)
    {
        for (int i = 0; i < count; i++)
        {
            _publisher.Append(_events[Next(ref _oursCursor)]);
        }

        _publisher.Flush();
        _oursGiven += count;
        ResetWhenLong(ref _oursSinceReset, count, _publisher.Keys.Stream);
    }

    /// <summary>Ours, one batch: what a plain loop times per call.</summary>
    public void PublishBatch() => Publish(BatchSize);

    /// <summary>The baseline, one pipeline.</summary>
    public void BareXaddBatch() => BareXadd(BatchSize);

    /// <summary>The baseline: <paramref name="count"/> events (a multiple of <see cref="BatchSize"/>) by pipelined XADD.</summary>
    public void BareXadd(int count)
    {
        for (int sent = 0; sent < count; sent += BatchSize)
        {
            for (int i = 0; i < BatchSize; i++)
            {
                _buffer.ResetWrittenCount();
                _writer.Reset();
                ClusterJsonCodec.Instance.Write(_writer, _events[Next(ref _bareCursor)]);
                _writer.Flush();
                NameValueEntry[] fields = [new("p", _bareProducer), new("s", ++_bareSequence), new("e", _buffer.WrittenSpan.ToArray())];
                _pipeline[i] = _database.StreamAddAsync(_bareStream, fields, messageId: null, maxLength: null);
            }

            Task.WaitAll(_pipeline);
            _bareAppended += BatchSize;
        }

        ResetWhenLong(ref _bareSinceReset, count, _bareStream);
    }

    /// <summary>
    /// Checks that both sides appended everything they were given (the publisher's own accounting), then stops the
    /// publisher and the server.
    /// </summary>
    /// <exception cref="InvalidOperationException">The publisher dropped, de-duplicated or held back an event.</exception>
    public void Dispose()
    {
        RedisPublisherStats stats;
        try
        {
            _publisher.Dispose();
            stats = _publisher.GetStats();
        }
        finally
        {
            _redis.Dispose();
            _server.Dispose(); // never left running, whatever failed
            _writer.Dispose();
        }

        if (stats.Appended != stats.Received || stats.Received != _oursGiven || stats.Abandoned + stats.DroppedStreamFull + stats.Duplicates != 0)
        {
            throw new InvalidOperationException($"The publisher did not append every event: {stats}; {_oursGiven} given.");
        }

        Console.WriteLine($"// redis: publisher appended {stats.Appended} events in batches ({stats.Retries} retries); bare loop {_bareAppended}");
    }

    // Both sides walk the same events in the same order, each with a cursor of its own.
    private int Next(ref int cursor)
    {
        if (cursor == _events.Length)
        {
            cursor = 0;
        }

        return cursor++;
    }

    private void ResetWhenLong(ref int sinceReset, int added, RedisKey stream)
    {
        sinceReset += added;
        if (sinceReset >= ResetEvery)
        {
            _database.Execute("UNLINK", [stream], CommandFlags.FireAndForget);
            sinceReset = 0;
        }
    }
}
