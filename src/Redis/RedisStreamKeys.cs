using System;
using StackExchange.Redis;

namespace GeneratedBus.Redis;

/// <summary>
/// The Redis keys of one stream. Every key carries the hash tag <c>{name}</c>, so the stream, its counters and its
/// de-duplication state sit in one hash slot and the scripts that touch them together also run on Redis Cluster.
/// </summary>
public sealed class RedisStreamKeys
{
    /// <summary>The default stream name.</summary>
    public const string DefaultName = "generatedbus";

    /// <summary>The keys of the stream <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">The name is empty or holds a brace (it is the hash tag).</exception>
    public RedisStreamKeys(string name = DefaultName)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (name.AsSpan().IndexOfAny('{', '}') >= 0)
            throw new ArgumentException($"Stream name '{name}' may not hold '{{' or '}}': it is the keys' hash tag.", nameof(name));
        Name = name;
        Stream = $"{{{name}}}:stream";
        Counters = $"{{{name}}}:counters";
        Producers = $"{{{name}}}:producers";
        Notify = RedisChannel.Literal($"{{{name}}}:notify");
    }

    /// <summary>The stream's name, the hash tag of its keys.</summary>
    public string Name { get; }

    /// <summary>The stream itself: entries with fields <c>p</c> (producer), <c>s</c> (sequence), <c>e</c> (the event's JSON).</summary>
    public RedisKey Stream { get; }

    /// <summary>A hash of server-side counters: <c>appended</c>, <c>dropped_full</c>, <c>duplicates</c>, <c>acked:{group}</c>.</summary>
    public RedisKey Counters { get; }

    /// <summary>A hash of each producer's last sequence number and its last batch's reply (the de-duplication state).</summary>
    public RedisKey Producers { get; }

    /// <summary>The channel the append script publishes to after it appended, to wake idle subscribers.</summary>
    public RedisChannel Notify { get; }
}
