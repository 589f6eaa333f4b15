using System;
using System.Buffers;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using System.Text.Json;
using GeneratedBus.EventLog;
using GeneratedBus.Redis.Accounting;
using GeneratedBus.Redis.Scripts;
using StackExchange.Redis;

namespace GeneratedBus.Redis.Publishing;

/// <summary>
/// Appends a bus's events to a Redis stream, each with this producer's id and its next sequence number, in batches
/// through one atomic script (de-duplicated, drop-new at capacity). Call <see cref="Append"/> from a listener on a
/// queue of its own (a <c>DropWrite</c> queue): while Redis is unreachable <see cref="Append"/> retries with back-off,
/// so that queue fills and drops, counted, and the application never waits for Redis.
/// </summary>
/// <typeparam name="TEvent">The bus's event type (its root).</typeparam>
public sealed class RedisStreamPublisher<TEvent> : IDisposable
{
    private readonly IDatabase _database;
    private readonly IEventJsonCodec<TEvent> _codec;
    private readonly RedisPublisherOptions _options;
    private readonly RedisStreamKeys _keys;
    private readonly RedisKey[] _scriptKeys;
    private readonly object _gate = new();
    private readonly List<RedisValue> _batch = new();
    private readonly ArrayBufferWriter<byte> _buffer = new();
    private readonly Utf8JsonWriter _writer;
    private readonly CancellationTokenSource _stopping = new();
    private readonly SemaphoreSlim _batchStarted = new(0);
    private readonly Task _lingerFlusher;
    private long _nextSequence = 1;
    private long _received, _appended, _droppedFull, _duplicates, _abandoned, _retries, _unencodable;
    private bool _disposed;
    private int _disposeCalled;
    private int _batched; // _batch.Count, for GetStats without the gate

    /// <summary>A publisher that writes <paramref name="codec"/>'s JSON to the stream named in <paramref name="options"/>.</summary>
    public RedisStreamPublisher(IConnectionMultiplexer redis, IEventJsonCodec<TEvent> codec, RedisPublisherOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(redis);
        ArgumentNullException.ThrowIfNull(codec);
        _options = options ?? new RedisPublisherOptions();
        _options.Validate();
        _database = redis.GetDatabase();
        _codec = codec;
        _keys = new RedisStreamKeys(_options.StreamName);
        _scriptKeys = [_keys.Stream, _keys.Counters, _keys.Producers];
        _writer = new Utf8JsonWriter(_buffer);
        _lingerFlusher = Task.Run(FlushLingeringBatchesAsync);
    }

    /// <summary>This producer's id.</summary>
    public string ProducerId => _options.ProducerId;

    /// <summary>The stream's keys.</summary>
    public RedisStreamKeys Keys => _keys;

    /// <summary>
    /// Adds <paramref name="event"/> to the current batch under the next sequence number, and sends the batch once it
    /// is full (an incomplete one goes after <see cref="RedisPublisherOptions.Linger"/>). Blocks, retrying with
    /// back-off, while Redis is unreachable.
    /// </summary>
    /// <exception cref="ObjectDisposedException">The publisher was disposed.</exception>
    /// <exception cref="ArgumentException">The codec cannot write the event (counted in <see cref="RedisPublisherStats.Unencodable"/>).</exception>
    public void Append(TEvent @event)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _buffer.ResetWrittenCount();
            _writer.Reset();
            try
            {
                _codec.Write(_writer, @event);
                _writer.Flush();
            }
            catch (ArgumentException)
            {
                _unencodable++; // no [BusEvent] type of the bus: counted here, and the bus logs the listener's failure
                throw;
            }
            _batch.Add(_buffer.WrittenSpan.ToArray());
            Volatile.Write(ref _batched, _batch.Count);
            _received++;
            if (_batch.Count >= _options.BatchSize) SendBatchLocked(_stopping.Token);
            else if (_batch.Count == 1) _batchStarted.Release();
        }
    }

    /// <summary>Sends the current batch now (retrying while Redis is unreachable, until <paramref name="cancellationToken"/>).</summary>
    public void Flush(CancellationToken cancellationToken = default)
    {
        lock (_gate) SendBatchLocked(cancellationToken);
    }

    /// <summary>This publisher's counts; see <see cref="RedisPublisherStats.Balance"/> for the balance with its queue.</summary>
    public RedisPublisherStats GetStats()
    {
        // Not under the gate: a send retrying while Redis is unreachable holds it, and stats must answer then (health
        // checks). Every count is written under the gate, so once the publisher is idle (after Dispose) they are exact.
        return new RedisPublisherStats(
            ProducerId, Volatile.Read(ref _received), Volatile.Read(ref _appended), Volatile.Read(ref _droppedFull), Volatile.Read(ref _duplicates),
            Volatile.Read(ref _abandoned), Volatile.Read(ref _batched), Volatile.Read(ref _retries), Volatile.Read(ref _unencodable));
    }

    /// <summary>
    /// Sends what is batched, retrying for up to <see cref="RedisPublisherOptions.DisposeTimeout"/>; what is still
    /// unsent then is counted as abandoned. Stop the bus first, so that its queue has handed over every event.
    /// </summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposeCalled, 1) == 1) return; // a second Dispose (a DI container's, after the host's) does nothing
        _stopping.Cancel();
        try { _lingerFlusher.Wait(); } catch (AggregateException) { } // it ends on the cancellation
        lock (_gate)
        {
            if (_disposed) return;
            using (var deadline = new CancellationTokenSource(_options.DisposeTimeout)) SendBatchLocked(deadline.Token);
            _abandoned += _batch.Count;
            _batch.Clear();
            Volatile.Write(ref _batched, 0);
            _disposed = true;
            _writer.Dispose();
        }
        _stopping.Dispose();
        _batchStarted.Dispose();
    }

    private async Task FlushLingeringBatchesAsync()
    {
        CancellationToken stopping = _stopping.Token;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await _batchStarted.WaitAsync(stopping).ConfigureAwait(false);
                if (_options.Linger > TimeSpan.Zero) await Task.Delay(_options.Linger, stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException) { return; }
            lock (_gate) if (!_disposed) SendBatchLocked(stopping);
        }
    }

    // Sends the batch with the script, retrying the SAME call (same first sequence) after a connection failure: if the
    // lost call had run, the script answers with its stored reply, so nothing is appended or counted twice.
    private void SendBatchLocked(CancellationToken cancellationToken)
    {
        if (_batch.Count == 0) return;
        var args = new RedisValue[4 + _batch.Count];
        args[0] = _options.Capacity;
        args[1] = _options.ProducerId;
        args[2] = _nextSequence;
        args[3] = _options.NotifySubscribers ? (RedisValue)_keys.Notify.ToString() : RedisValue.EmptyString;
        _batch.CopyTo(args, 4);
        TimeSpan delay = _options.MinRetryDelay;
        while (true)
        {
            try
            {
                var reply = (RedisResult[])_database.ScriptEvaluate(AppendScript.Text, _scriptKeys, args)!;
                long appended = (long)reply[0], full = (long)reply[1], duplicates = (long)reply[2];
                if (appended + full + duplicates != _batch.Count) // the script accounts for every event of the batch
                    throw new InvalidOperationException($"The append script answered {appended}+{full}+{duplicates} for a batch of {_batch.Count}.");
                _appended += appended;
                _droppedFull += full;
                _duplicates += duplicates;
                _nextSequence += _batch.Count;
                _batch.Clear();
                Volatile.Write(ref _batched, 0);
                return;
            }
            catch (Exception ex) when (ex is RedisConnectionException or RedisTimeoutException)
            {
                if (cancellationToken.WaitHandle.WaitOne(delay)) return; // stopping: the batch stays, Dispose counts it
                _retries++;
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.MaxRetryDelay.Ticks));
            }
        }
    }
}
