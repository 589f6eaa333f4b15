namespace GeneratedBus.Redis.Accounting;

/// <summary>One consumer's counts.</summary>
/// <param name="Group">The consumer group.</param>
/// <param name="Consumer">The consumer.</param>
/// <param name="Delivered">Entries posted into the local bus (each at most once in this process).</param>
/// <param name="Processed">Entries the local queue finished.</param>
/// <param name="Acknowledged">Processed entries this consumer has confirmed acknowledged (undecodable ones are apart).</param>
/// <param name="Redeliveries">Entries read again: its own pending ones at start, or claimed from an idle consumer.</param>
/// <param name="Duplicates">Entries skipped because this process already had them (never handed twice to listeners).</param>
/// <param name="Gaps">Times a producer's sequence jumped ahead of the last one this process saw of it (in a group of one consumer, events that never came; in a shared group, also the other consumers' share). The first sequence seen of a producer starts the check, so a restarted consumer counts none for what its earlier process had.</param>
/// <param name="Undecodable">Entries the codec could not read: acknowledged, logged and counted, not delivered.</param>
public sealed record RedisSubscriberStats(
    string Group, string Consumer, long Delivered, long Processed, long Acknowledged, long Redeliveries, long Duplicates, long Gaps, long Undecodable);
