using System;
using System.Buffers;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading.Tasks;
using StackExchange.Redis;

namespace GeneratedBus.Redis.Publishing;

/// <summary>
/// One batch of a publisher: its events' JSON back to back in one reused buffer (no array per event), the script call
/// that carries them, and its reply. The call's arguments point into the buffer, so a batch is reused only once its
/// reply has been accounted for.
/// </summary>
internal sealed class AppendBatch
{
    private const int Header = 5; // capacity, producer, first, notify channel, after
    private readonly ArrayBufferWriter<byte> _payloads = new();
    private readonly List<(int Start, int Length)> _entries = new();
    private RedisValue[] _arguments = [];

    /// <summary>Events in the batch.</summary>
    public int Count => _entries.Count;

    /// <summary>Where the codec writes the next event.</summary>
    public IBufferWriter<byte> Payloads => _payloads;

    /// <summary>Bytes written so far; an event's JSON starts here.</summary>
    public int Written => _payloads.WrittenCount;

    /// <summary>The sequence number of the first event, once sent.</summary>
    public long First { get; private set; }

    /// <summary>The script call in flight, once sent.</summary>
    public Task<RedisResult> Reply { get; private set; } = Task.FromResult(RedisResult.Create(RedisValue.Null));

    /// <summary>
    /// Whether a call of this batch failed on the connection (lost or timed out): the server may have run it, so if the
    /// batch is never settled, its events are unconfirmed rather than dropped.
    /// </summary>
    public bool CallLost { get; set; }

    /// <summary>Keeps the event written since <paramref name="start"/> (bytes a failed write left before it are skipped).</summary>
    public void Add(int start) => _entries.Add((start, _payloads.WrittenCount - start));

    /// <summary>
    /// Sends the batch as events <c>first</c> onwards, with <c>after</c> the sequence the script must have handled
    /// before it (0: none; set when an earlier batch is in flight).
    /// </summary>
    public void Send(IDatabase database, RedisKey[] keys, RedisValue capacity, RedisValue producer, RedisValue notify, long first, long after)
    {
        Debug.Assert(Count > 0, "an empty batch is never sent");
        First = first;
        _arguments = new RedisValue[Header + Count];
        _arguments[0] = capacity;
        _arguments[1] = producer;
        _arguments[2] = first;
        _arguments[3] = notify;
        _arguments[4] = after;
        ReadOnlyMemory<byte> written = _payloads.WrittenMemory;
        for (int i = 0; i < Count; i++) _arguments[Header + i] = written.Slice(_entries[i].Start, _entries[i].Length);
        Reply = database.ScriptEvaluateAsync(Scripts.AppendScript.Text, keys, _arguments);
    }

    /// <summary>
    /// The same call again, once every earlier batch is settled, so without "after": a fresh array, since the first
    /// call may still be queued in the connection with its own.
    /// </summary>
    public RedisResult Resend(IDatabase database, RedisKey[] keys)
    {
        var again = (RedisValue[])_arguments.Clone();
        again[4] = 0;
        return database.ScriptEvaluate(Scripts.AppendScript.Text, keys, again);
    }

    /// <summary>Empties the batch for reuse.</summary>
    public void Clear()
    {
        _payloads.ResetWrittenCount();
        _entries.Clear();
        _arguments = [];
        First = 0;
        CallLost = false;
    }
}
