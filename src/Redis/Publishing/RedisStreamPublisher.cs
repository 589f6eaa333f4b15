using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using System.Text.Json;
using GeneratedBus.EventLog;
using GeneratedBus.Redis.Accounting;
using GeneratedBus.Redis.Scripts;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace GeneratedBus.Redis.Publishing;

/// <summary>
/// Appends a bus's events to a Redis stream, each with this producer's id and its next sequence number, in batches
/// through one atomic script (de-duplicated, drop-new at capacity), several calls in flight while the next batch fills
/// (<see cref="RedisPublisherOptions.MaxBatchesInFlight"/>). Call <see cref="Append"/> from a listener on a
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
    private readonly RedisValue _capacity, _producer, _notify;
    private readonly object _gate = new();
    private readonly Queue<AppendBatch> _inFlight = new();   // sent, oldest first; accounted only from the head
    private readonly Stack<AppendBatch> _spare = new();
    private readonly Utf8JsonWriter _writer;
    private readonly CancellationTokenSource _stopping = new();
    private readonly SemaphoreSlim _batchStarted = new(0);
    private readonly Task _lingerFlusher;
    private readonly ILogger? _logger;
    private volatile Exception? _fault;
    private AppendBatch _batch = new();
    private long _nextSequence = 1;
    private long _batchesSent;                                // the linger flusher's token for "the batch it was woken for"
    private long _received, _appended, _droppedFull, _duplicates, _abandoned, _unconfirmed, _retries, _unencodable, _inFlightEvents;
    private long _waiting; // _batch.Count + _inFlightEvents, for GetStats without the gate
    private bool _disposed;
    private int _disposeCalled;

    /// <summary>A publisher that writes <paramref name="codec"/>'s JSON to the stream named in <paramref name="options"/>.</summary>
    /// <param name="redis">The connection.</param>
    /// <param name="codec">The bus's generated codec (<c>{Bus}JsonCodec.Instance</c>).</param>
    /// <param name="options">Stream, producer id, batching and retries.</param>
    /// <param name="logger">Where a failure of the background flush is logged (<see cref="Fault"/>).</param>
    public RedisStreamPublisher(IConnectionMultiplexer redis, IEventJsonCodec<TEvent> codec, RedisPublisherOptions? options = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(redis);
        ArgumentNullException.ThrowIfNull(codec);
        _options = options ?? new RedisPublisherOptions();
        _options.Validate();
        _database = redis.GetDatabase();
        _codec = codec;
        _keys = new RedisStreamKeys(_options.StreamName);
        _scriptKeys = [_keys.Stream, _keys.Counters, _keys.Producers];
        _capacity = _options.Capacity;
        _producer = _options.ProducerId;
        _notify = _options.NotifySubscribers ? (RedisValue)_keys.Notify.ToString() : RedisValue.EmptyString;
        _writer = new Utf8JsonWriter(_batch.Payloads);
        _logger = logger;
        _lingerFlusher = Task.Run(FlushLingeringBatchesAsync);
    }

    /// <summary>This producer's id.</summary>
    public string ProducerId => _options.ProducerId;

    /// <summary>The stream's keys.</summary>
    public RedisStreamKeys Keys => _keys;

    /// <summary>
    /// Why the background flush of lingering batches stopped: an error that is not an outage (an outage is retried),
    /// for example the stream's key holding another type (<c>WRONGTYPE</c>). It was logged as an error when it happened.
    /// Its events stay counted as waiting; <see cref="Append"/> still sends full batches, the error is thrown again by
    /// the next <see cref="Append"/> or <see cref="Flush"/> that settles that batch, and <see cref="Dispose"/> counts
    /// what is unsettled as abandoned (as unconfirmed, a call of it that was never answered). Null while the flush runs and no error was met.
    /// </summary>
    public Exception? Fault => _fault;

    /// <summary>
    /// Adds <paramref name="event"/> to the current batch under the next sequence number, and sends the batch once it
    /// is full (an incomplete one goes after <see cref="RedisPublisherOptions.Linger"/>). Blocks, retrying with
    /// back-off, while Redis is unreachable, once <see cref="RedisPublisherOptions.MaxBatchesInFlight"/> calls wait.
    /// </summary>
    /// <exception cref="ObjectDisposedException">The publisher was disposed.</exception>
    /// <exception cref="ArgumentException">The codec cannot write the event (counted in <see cref="RedisPublisherStats.Unencodable"/>).</exception>
    public void Append(TEvent @event)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            int start = _batch.Written;
            _writer.Reset(_batch.Payloads);
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
            _batch.Add(start);
            PublishWaitingLocked();
            _received++;
            if (_batch.Count >= _options.BatchSize) SendBatchLocked(_stopping.Token);
            else if (_batch.Count == 1) _batchStarted.Release();
        }
    }

    /// <summary>
    /// Sends the current batch now and waits until every call is answered (retrying while Redis is unreachable, until
    /// <paramref name="cancellationToken"/>).
    /// </summary>
    public void Flush(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            SendBatchLocked(cancellationToken);
            SettleAllLocked(cancellationToken);
        }
    }

    /// <summary>This publisher's counts; see <see cref="RedisPublisherStats.Balance"/> for the balance with its queue.</summary>
    public RedisPublisherStats GetStats()
    {
        // Not under the gate: a send retrying while Redis is unreachable holds it, and stats must answer then (health
        // checks). Every count is written under the gate, so once the publisher is idle (after Dispose) they are exact.
        return new RedisPublisherStats(
            ProducerId, Volatile.Read(ref _received), Volatile.Read(ref _appended), Volatile.Read(ref _droppedFull), Volatile.Read(ref _duplicates),
            Volatile.Read(ref _abandoned), Volatile.Read(ref _waiting), Volatile.Read(ref _retries), Volatile.Read(ref _unencodable),
            Volatile.Read(ref _unconfirmed));
    }

    /// <summary>
    /// Sends what is batched and settles every call, retrying for up to <see cref="RedisPublisherOptions.DisposeTimeout"/>;
    /// what is still unsettled then, or after an error that is not an outage (logged, and kept in <see cref="Fault"/>),
    /// is counted as abandoned if it is known not to be in the stream (never sent, or answered without appending), and
    /// as unconfirmed if it was sent and never answered. Stop the bus first, so that its queue has handed over every event.
    /// </summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposeCalled, 1) == 1) return; // a second Dispose (a DI container's, after the host's) does nothing
        _stopping.Cancel();
        _lingerFlusher.Wait(); // it ends on the cancellation, and keeps a failure of its own in Fault
        lock (_gate)
        {
            if (_disposed) return;
            using (var deadline = new CancellationTokenSource(_options.DisposeTimeout))
            {
                try
                {
                    SendBatchLocked(deadline.Token);
                    SettleAllLocked(deadline.Token);
                }
                catch (Exception ex)
                {
                    // Not an outage, so no retry would cure it: what is unsettled is abandoned below, counted, and
                    // the failure logged (once: the background flush may have met it first), not thrown from Dispose.
                    if (!ReferenceEquals(ex, _fault)) PublisherLog.Failed(_logger, ProducerId, _keys.Name, ex);
                    _fault ??= ex;
                }
            }
            GiveUpLocked();
            _disposed = true;
            _writer.Dispose();
        }
        _stopping.Dispose();
        _batchStarted.Dispose();
    }

    // What Dispose could not settle. Never sent: abandoned. Sent: unconfirmed while no reply came, since the server may
    // have appended it (counting it dropped would over-count drops); abandoned if answered without appending; and a
    // reply that came behind an unsettled batch is accounted as it says.
    private void GiveUpLocked()
    {
        long abandoned = _batch.Count, unconfirmed = 0, answered = 0, givenUp = _batch.Count + _inFlightEvents;
        foreach (AppendBatch batch in _inFlight)
        {
            switch (GivenUpBatch.Classify(batch, out RedisResult[]? counts))
            {
                case GivenUpOutcome.Unconfirmed: unconfirmed += batch.Count; break;
                case GivenUpOutcome.NotAppended: abandoned += batch.Count; break;
                default: CountReplyLocked(batch, counts!); answered += batch.Count; break;
            }
        }
        Debug.Assert(abandoned + unconfirmed + answered == givenUp, "every event given up on is counted once");
        _abandoned += abandoned;
        _unconfirmed += unconfirmed;
        _inFlightEvents = 0;
        _inFlight.Clear();
        _batch.Clear();
        PublishWaitingLocked();
        if (abandoned + unconfirmed > 0) PublisherLog.GaveUp(_logger, ProducerId, _keys.Name, unconfirmed, abandoned);
    }

    private async Task FlushLingeringBatchesAsync()
    {
        try
        {
            await FlushUntilStoppedAsync().ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // Never silent: logged at once, and kept for the owner and the health check. The batch stays in flight,
            // counted as waiting, for the next call that settles it to throw, or for Dispose to count as abandoned.
            // Logged before it is published: whoever sees the fault finds its log entry written.
            PublisherLog.Failed(_logger, ProducerId, _keys.Name, ex);
            _fault = ex;
        }
    }

    private async Task FlushUntilStoppedAsync()
    {
        CancellationToken stopping = _stopping.Token;
        while (!stopping.IsCancellationRequested)
        {
            long wokenFor;
            try
            {
                await _batchStarted.WaitAsync(stopping).ConfigureAwait(false);
                wokenFor = Interlocked.Read(ref _batchesSent);
                if (_options.Linger > TimeSpan.Zero) await Task.Delay(_options.Linger, stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException) { return; }
            Task<RedisResult> sent;
            lock (_gate)
            {
                // A batch that filled up was sent by Append, without waiting: only a lingering one is sent from here.
                if (_disposed || _batchesSent != wokenFor) continue;
                SendBatchLocked(stopping);
                if (_inFlight.Count == 0) continue;
                sent = _inFlight.Last().Reply;
            }
            // The reply is awaited without holding a thread (the subscriber's side of the same process may need it);
            // replies come in order, so once the last call is answered, every call before it is too. Answered or
            // failed, it is settled below (a failure is retried or thrown there). Dispose stops the wait: it settles
            // what is in flight itself within DisposeTimeout, which a frozen server's reply (due only at the
            // connection's async timeout) would otherwise stretch.
            await ((Task)sent).WaitAsync(stopping).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (stopping.IsCancellationRequested) return;
            lock (_gate)
            {
                if (_disposed) return;
                while (_inFlight.Count > 0 && _inFlight.Peek().Reply.IsCompleted)
                    if (!SettleOldestLocked(stopping)) break;
            }
        }
    }

    // Sends the current batch without waiting for its reply, after settling the oldest calls while the window is full.
    // A batch sent behind another carries "after" (the sequence before its first): if the earlier call failed and this
    // one overtook it on a new connection, the script refuses it, and it is sent again once the earlier one is settled.
    private void SendBatchLocked(CancellationToken cancellationToken)
    {
        if (_batch.Count == 0) return;
        while (_inFlight.Count >= _options.MaxBatchesInFlight)
            if (!SettleOldestLocked(cancellationToken)) return; // stopping: the batch stays, Dispose counts it
        AppendBatch batch = _batch;
        long first = _nextSequence;
        batch.Send(_database, _scriptKeys, _capacity, _producer, _notify, first, after: _inFlight.Count > 0 ? first - 1 : 0);
        _inFlight.Enqueue(batch);
        _inFlightEvents += batch.Count;
        _nextSequence += batch.Count;
        Interlocked.Increment(ref _batchesSent);
        _batch = _spare.Count > 0 ? _spare.Pop() : new AppendBatch();
    }

    private void SettleAllLocked(CancellationToken cancellationToken)
    {
        while (_inFlight.Count > 0)
            if (!SettleOldestLocked(cancellationToken)) return;
    }

    // Accounts for the oldest call's reply. A call that failed on the connection, or that the script refused because an
    // earlier one was not handled yet, is sent again (every earlier call is settled by now, so in order): with the SAME
    // first sequence, so that if the lost call had run, the script answers with its stored reply and nothing is
    // appended or counted twice. False when cancelled first (the batch stays in flight, for Dispose to count).
    private bool SettleOldestLocked(CancellationToken cancellationToken)
    {
        AppendBatch batch = _inFlight.Peek();
        if (!TryAwait(batch.Reply, cancellationToken, out RedisResult? reply)) return false;
        TimeSpan delay = _options.MinRetryDelay;
        while (reply is null || (long)((RedisResult[])reply!)[0] < 0)
        {
            if (reply is null)
            {
                batch.CallLost = true; // it may have run: if it is never settled, its events are unconfirmed
                if (cancellationToken.WaitHandle.WaitOne(delay)) return false;
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.MaxRetryDelay.Ticks));
            }
            _retries++;
            try { reply = batch.Resend(_database, _scriptKeys); }
            catch (Exception ex) when (RedisOutage.IsOutage(ex)) { reply = null; }
        }
        CountReplyLocked(batch, (RedisResult[])reply!);
        _inFlightEvents -= batch.Count;
        _inFlight.Dequeue();
        PublishWaitingLocked();
        Debug.Assert(_inFlightEvents >= 0 && (_inFlight.Count > 0 || _inFlightEvents == 0), "in-flight events are the sum of the calls in flight");
        batch.Clear();
        _spare.Push(batch);
        return true;
    }

    private void CountReplyLocked(AppendBatch batch, RedisResult[] counts)
    {
        long appended = (long)counts[0], full = (long)counts[1], duplicates = (long)counts[2];
        if (appended + full + duplicates != batch.Count) // the script accounts for every event of the batch
            throw new InvalidOperationException($"The append script answered {appended}+{full}+{duplicates} for a batch of {batch.Count}.");
        _appended += appended;
        _droppedFull += full;
        _duplicates += duplicates;
    }

    private void PublishWaitingLocked()
    {
        Debug.Assert(Monitor.IsEntered(_gate), "the waiting count is written under the gate");
        Volatile.Write(ref _waiting, _batch.Count + _inFlightEvents);
    }

    // The call's reply, waited for until cancelled, not until the connection's async timeout: a frozen server answers
    // no call, and Dispose must keep to DisposeTimeout. False if cancelled first (the call stays in flight, its outcome
    // unknown). A null reply: the call failed on the connection, so it may have run or not.
    private static bool TryAwait(Task<RedisResult> call, CancellationToken cancellationToken, out RedisResult? reply)
    {
        reply = null;
        if (!call.IsCompleted)
        {
            try { call.Wait(cancellationToken); }
            catch (OperationCanceledException) { if (!call.IsCompleted) return false; }
            catch (AggregateException) { } // failed: read below
        }
        try { reply = call.GetAwaiter().GetResult(); }
        catch (Exception ex) when (RedisOutage.IsOutage(ex)) { }
        return true;
    }
}
