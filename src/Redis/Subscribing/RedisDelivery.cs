namespace GeneratedBus.Redis.Subscribing;

/// <summary>
/// Where an event read from the stream came from: its producer and that producer's sequence number (with the stream
/// entry's id), so that a listener with durable side effects can make them exactly once (store the last sequence per
/// producer with the effect, in one transaction, and skip what is at or below it).
/// </summary>
/// <param name="Producer">The producer id.</param>
/// <param name="Sequence">The producer's sequence number, from 1.</param>
/// <param name="EntryId">The stream entry's id.</param>
/// <param name="Redelivered">Whether this entry was delivered before (a pending entry re-read or claimed).</param>
public sealed record RedisDelivery(string Producer, long Sequence, string EntryId, bool Redelivered);
