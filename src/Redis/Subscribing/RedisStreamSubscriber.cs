using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using GeneratedBus.EventLog;
using GeneratedBus.Redis.Accounting;
using GeneratedBus.Redis.Scripts;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace GeneratedBus.Redis.Subscribing;

/// <summary>
/// Reads a stream through a consumer group and posts each event into a local bus (give it the bus's <c>PostAsync</c>
/// and let the queue be a <c>Wait</c> queue, so nothing is lost locally). An entry is acknowledged only once the local
/// queue has processed it: add, LAST on that queue, a listener that calls <see cref="Processed"/>. Entries already in
/// this process (in the queue, or processed and not yet acknowledged) that come again are counted as duplicates and
/// never handed twice to listeners. This subscriber must be the only poster into that bus.
/// </summary>
/// <typeparam name="TEvent">The bus's event type (its root).</typeparam>
public sealed class RedisStreamSubscriber<TEvent> : IAsyncDisposable
{
    private static readonly TimeSpan MinPollDelay = TimeSpan.FromMilliseconds(1);
    private static readonly TimeSpan AcknowledgeWhileWaiting = TimeSpan.FromMilliseconds(10);
    private readonly IDatabase _database;
    private readonly ISubscriber _notifications;
    private readonly IEventJsonCodec<TEvent> _codec;
    private readonly Func<TEvent, CancellationToken, ValueTask> _post;
    private readonly RedisSubscriberOptions _options;
    private readonly RedisStreamKeys _keys;
    private readonly ILogger? _logger;
    private readonly ConcurrentQueue<(RedisDelivery Delivery, TEvent Event)> _inFlight = new();
    private readonly HashSet<(string Producer, long Sequence)> _unacknowledged = new(); // loop thread only
    private readonly Dictionary<string, long> _lastSequence = new();                 // loop thread only
    private readonly object _ackGate = new();
    private List<(RedisValue Id, (string, long) Key)> _toAcknowledge = new();
    private readonly SemaphoreSlim _wake = new(0);
    private readonly CancellationTokenSource _stopping = new();
    private Task? _loop;
    private volatile Exception? _fault;
    private int _disposeCalled;
    private long _delivered, _processed, _acknowledged, _redeliveries, _duplicates, _gaps, _undecodable;

    /// <summary>A subscriber of the group and consumer named in <paramref name="options"/>; <see cref="StartAsync"/> begins reading.</summary>
    /// <param name="redis">The connection.</param>
    /// <param name="codec">The bus's generated codec (<c>{Bus}JsonCodec.Instance</c>).</param>
    /// <param name="post">Posts into the local bus, e.g. <c>bus.PostAsync</c>.</param>
    /// <param name="options">Stream, group, consumer and timings.</param>
    /// <param name="logger">Where gaps, undecodable entries and outages are logged.</param>
    public RedisStreamSubscriber(
        IConnectionMultiplexer redis, IEventJsonCodec<TEvent> codec, Func<TEvent, CancellationToken, ValueTask> post,
        RedisSubscriberOptions? options = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(redis);
        ArgumentNullException.ThrowIfNull(codec);
        ArgumentNullException.ThrowIfNull(post);
        _options = options ?? new RedisSubscriberOptions();
        _options.Validate();
        _database = redis.GetDatabase();
        _notifications = redis.GetSubscriber();
        _codec = codec;
        _post = post;
        _keys = new RedisStreamKeys(_options.StreamName);
        _logger = logger;
    }

    /// <summary>The stream's keys.</summary>
    public RedisStreamKeys Keys => _keys;

    /// <summary>
    /// The delivery being processed by the local queue: valid inside a listener of that queue, on its dispatch thread,
    /// for the event it was handed (entries leave only through <see cref="Processed"/>, the queue's last listener).
    /// </summary>
    public RedisDelivery? CurrentDelivery => _inFlight.TryPeek(out var head) ? head.Delivery : null;

    /// <summary>
    /// Why reading stopped for good: an error that is not an outage (an outage is retried), for example the group
    /// destroyed (<c>NOGROUP</c>), the key of another type, or the local bus refusing a post. It was logged as an error
    /// when it happened; entries read and not processed stay pending in the group. Null while reading or after a stop.
    /// </summary>
    public Exception? Fault => _fault;

    /// <summary>Creates the group at the stream's start if it is missing, and starts reading.</summary>
    public async Task StartAsync()
    {
        if (_loop is not null) throw new InvalidOperationException("The subscriber was already started.");
        await RedisGroups.EnsureAsync(_database, _keys, _options.Group).ConfigureAwait(false);
        await _notifications.SubscribeAsync(_keys.Notify, (_, _) => Wake()).ConfigureAwait(false);
        _loop = Task.Run(RunAsync);
    }

    /// <summary>
    /// Called by the local queue's last listener for each event: the queue has processed it, so it may be acknowledged.
    /// </summary>
    /// <exception cref="InvalidOperationException">The event is not the one this subscriber posted next (another poster shares the bus).</exception>
    public void Processed(TEvent @event)
    {
        if (!_inFlight.TryDequeue(out var head) || !EqualityComparer<TEvent>.Default.Equals(head.Event, @event))
            throw new InvalidOperationException("Processed was called for an event this subscriber did not post next: the subscriber must be the only poster into its bus.");
        Interlocked.Increment(ref _processed);
        lock (_ackGate) _toAcknowledge.Add((head.Delivery.EntryId, (head.Delivery.Producer, head.Delivery.Sequence)));
        Wake();
    }

    /// <summary>This consumer's counts.</summary>
    public RedisSubscriberStats GetStats() => new(
        _options.Group, _options.Consumer, Interlocked.Read(ref _delivered), Interlocked.Read(ref _processed),
        Interlocked.Read(ref _acknowledged), Interlocked.Read(ref _redeliveries), Interlocked.Read(ref _duplicates),
        Interlocked.Read(ref _gaps), Interlocked.Read(ref _undecodable));

    /// <summary>
    /// Stops reading: nothing more is posted into the local bus. Call it before stopping that bus, and
    /// <see cref="DisposeAsync"/> after the bus drained, so that what the queue still held is processed and acknowledged
    /// instead of being redelivered. Idempotent.
    /// </summary>
    public async Task StopReadingAsync()
    {
        if (Volatile.Read(ref _disposeCalled) == 1) return;
        _stopping.Cancel();
        if (_loop is not null) await _loop.ConfigureAwait(false);
    }

    /// <summary>
    /// Stops reading and acknowledges what the local queue processed. Entries posted but not processed stay pending in
    /// the group, to be re-read by this consumer on restart or claimed by another.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposeCalled, 1) == 1) return; // a second dispose (a DI container's, after the host's) does nothing
        _stopping.Cancel();
        if (_loop is not null) await _loop.ConfigureAwait(false);
        try
        {
            await _notifications.UnsubscribeAsync(_keys.Notify).ConfigureAwait(false);
            await AcknowledgeProcessedAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (RedisOutage.IsOutage(ex))
        {
            SubscriberLog.Unreachable(_logger, _options.Group, ex); // unacknowledged entries stay pending: redelivered later
        }
        _stopping.Dispose();
        _wake.Dispose();
    }

    private void Wake()
    {
        try { if (_wake.CurrentCount == 0) _wake.Release(); }
        catch (ObjectDisposedException) { } // a late notification after dispose
    }

    private async Task RunAsync()
    {
        CancellationToken stopping = _stopping.Token;
        TimeSpan delay = MinPollDelay;
        var sinceClaim = Stopwatch.StartNew();
        bool ownPendingRead = false; // also reset after a failure: a read whose reply was lost left entries pending here
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await AcknowledgeProcessedAsync().ConfigureAwait(false);
                int read = 0;
                if (!ownPendingRead)
                {
                    // On (re)start, first this consumer's own pending entries: delivered before, never acknowledged.
                    read = await ReadOwnPendingAsync(stopping).ConfigureAwait(false);
                    ownPendingRead = true;
                }
                if (sinceClaim.Elapsed >= _options.ClaimInterval)
                {
                    read += await ClaimIdleAsync(stopping).ConfigureAwait(false);
                    sinceClaim.Restart();
                }
                StreamEntry[] fresh = await _database.StreamReadGroupAsync(
                    _keys.Stream, _options.Group, _options.Consumer, StreamPosition.NewMessages, _options.BatchSize).ConfigureAwait(false);
                foreach (StreamEntry entry in fresh) await DeliverAsync(entry, redelivered: false, stopping).ConfigureAwait(false);
                read += fresh.Length;
                if (read > 0) { delay = MinPollDelay; continue; }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested) { return; }
            catch (Exception ex) when (RedisOutage.IsOutage(ex))
            {
                SubscriberLog.Unreachable(_logger, _options.Group, ex);
                ownPendingRead = false;
                delay = _options.MaxPollDelay;
            }
            catch (Exception ex)
            {
                // Not retried (it would fail the same way), and never silent: logged now, kept for the owner and the
                // health check. Pending entries stay in the group, for a restart or another consumer to claim.
                // Logged before it is published: whoever sees the fault finds its log entry written.
                SubscriberLog.Failed(_logger, _options.Group, _options.Consumer, ex);
                _fault = ex;
                return;
            }
            // Nothing to read: wait for the append script's notification, or poll again after a growing delay.
            try { await _wake.WaitAsync(delay, stopping).ConfigureAwait(false); }
            catch (OperationCanceledException) { return; }
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.MaxPollDelay.Ticks));
        }
    }

    private async Task<int> ReadOwnPendingAsync(CancellationToken stopping)
    {
        int total = 0;
        RedisValue after = "0-0";
        while (true)
        {
            StreamEntry[] pending = await _database.StreamReadGroupAsync(
                _keys.Stream, _options.Group, _options.Consumer, after, _options.BatchSize).ConfigureAwait(false);
            if (pending.Length == 0) return total;
            foreach (StreamEntry entry in pending) await DeliverAsync(entry, redelivered: true, stopping).ConfigureAwait(false);
            total += pending.Length;
            after = pending[^1].Id;
        }
    }

    private async Task<int> ClaimIdleAsync(CancellationToken stopping)
    {
        int total = 0;
        RedisValue start = "0-0";
        do
        {
            StreamAutoClaimResult claimed = await _database.StreamAutoClaimAsync(
                _keys.Stream, _options.Group, _options.Consumer, (long)_options.ClaimIdleTime.TotalMilliseconds, start, _options.BatchSize).ConfigureAwait(false);
            foreach (StreamEntry entry in claimed.ClaimedEntries) await DeliverAsync(entry, redelivered: true, stopping).ConfigureAwait(false);
            total += claimed.ClaimedEntries.Length;
            // Entries trimmed while pending come back as deleted ids; XAUTOCLAIM already removed them from the PEL.
            Interlocked.Add(ref _undecodable, claimed.DeletedIds.Length);
            start = claimed.NextStartId;
        } while (start != "0-0" && !stopping.IsCancellationRequested);
        return total;
    }

    private async ValueTask DeliverAsync(StreamEntry entry, bool redelivered, CancellationToken stopping)
    {
        if (redelivered) Interlocked.Increment(ref _redeliveries);
        RedisValue producerValue = entry.IsNull ? RedisValue.Null : entry["p"];
        RedisValue sequenceValue = entry.IsNull ? RedisValue.Null : entry["s"];
        RedisValue payload = entry.IsNull ? RedisValue.Null : entry["e"];
        if (producerValue.IsNull || !sequenceValue.TryParse(out long sequence) || payload.IsNull)
        {
            await UndecodableAsync(entry.Id, "no producer, sequence or payload").ConfigureAwait(false);
            return;
        }
        string producer = producerValue!;
        var key = (producer, sequence);
        if (_unacknowledged.Contains(key))
        {
            // Already in this process (queued, or processed and not yet acknowledged): never handed twice.
            Interlocked.Increment(ref _duplicates);
            return;
        }
        EventReadResult<TEvent> read = _codec.Read((byte[])payload!, new EventJsonReaderOptions());
        if (!read.IsOk)
        {
            await UndecodableAsync(entry.Id, read.ToString()).ConfigureAwait(false);
            return;
        }
        CheckOrder(producer, sequence);
        _unacknowledged.Add(key);
        _inFlight.Enqueue((new RedisDelivery(producer, sequence, entry.Id!, redelivered), read.Event!));
        Interlocked.Increment(ref _delivered);
        try
        {
            ValueTask posting = _post(read.Event!, stopping);
            if (posting.IsCompletedSuccessfully) posting.GetAwaiter().GetResult();
            else await AcknowledgeWhilePostingAsync(posting.AsTask()).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stopped while the local Wait queue was full: never posted, so not delivered; it stays pending, redelivered later.
            Interlocked.Decrement(ref _delivered);
            throw;
        }
    }

    // The local Wait queue is full and the post waits for room. Meanwhile its listeners process, and what they processed
    // is acknowledged now, not after the rest of the read batch was posted: a crash then redelivers only what was not
    // processed, and the group's pending count stays close to the queue's. The post is awaited to its end either way,
    // so the read loop never runs beside it; an outage leaves the acknowledgements queued for the loop's next pass,
    // and any other error is thrown once the post is over.
    private async Task AcknowledgeWhilePostingAsync(Task posting)
    {
        Exception? failed = null;
        while (!posting.IsCompleted)
        {
            await Task.WhenAny(posting, Task.Delay(AcknowledgeWhileWaiting)).ConfigureAwait(false);
            if (failed is not null) continue;
            try { await AcknowledgeProcessedAsync().ConfigureAwait(false); }
            catch (Exception ex) when (RedisOutage.IsOutage(ex)) { } // still queued: the loop's next pass retries, and logs it
            catch (Exception ex) { failed = ex; }
        }

        await posting.ConfigureAwait(false);
        if (failed is not null) ExceptionDispatchInfo.Capture(failed).Throw();
    }

    private void CheckOrder(string producer, long sequence)
    {
        // The first sequence this process sees of a producer starts the check: what came before went to an earlier
        // process of this consumer (a restart), not missing, and the server's counters account for it either way.
        if (!_lastSequence.TryGetValue(producer, out long last))
        {
            _lastSequence[producer] = sequence;
            return;
        }
        // Redelivered entries at or below the last one seen are late, not out of order: only a jump ahead is a gap.
        if (sequence > last + 1)
        {
            Interlocked.Increment(ref _gaps);
            SubscriberLog.Gap(_logger, _options.Group, producer, last, sequence);
        }
        if (sequence > last) _lastSequence[producer] = sequence;
    }

    private async Task UndecodableAsync(RedisValue id, string reason)
    {
        Interlocked.Increment(ref _undecodable);
        SubscriberLog.Undecodable(_logger, _options.Group, id!, reason);
        await AcknowledgeAsync([id]).ConfigureAwait(false);
    }

    private async Task AcknowledgeProcessedAsync()
    {
        List<(RedisValue Id, (string, long) Key)> batch;
        lock (_ackGate)
        {
            if (_toAcknowledge.Count == 0) return;
            batch = _toAcknowledge;
            _toAcknowledge = new();
        }
        var ids = new RedisValue[batch.Count];
        for (int i = 0; i < batch.Count; i++) ids[i] = batch[i].Id;
        try
        {
            await AcknowledgeAsync(ids).ConfigureAwait(false);
            // Count what is now confirmed acknowledged, not XACK's answer: a retry after a lost reply answers 0 for
            // entries the first call acknowledged (the server's own counter is exact either way).
            Interlocked.Add(ref _acknowledged, ids.Length);
        }
        catch
        {
            lock (_ackGate) _toAcknowledge.InsertRange(0, batch); // acknowledged on the next try
            throw;
        }
        foreach (var (_, key) in batch) _unacknowledged.Remove(key);
    }

    // Acknowledges and counts on the server in one step (the group's acked counter).
    private async Task AcknowledgeAsync(RedisValue[] ids)
    {
        var args = new RedisValue[ids.Length + 1];
        args[0] = _options.Group;
        ids.CopyTo(args, 1);
        await _database.ScriptEvaluateAsync(AckScript.Text, [_keys.Stream, _keys.Counters], args).ConfigureAwait(false);
    }
}
