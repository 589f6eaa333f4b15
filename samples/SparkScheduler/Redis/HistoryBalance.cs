using System.Globalization;
using GeneratedBus.Redis.Accounting;

namespace SparkScheduler.Redis;

/// <summary>
/// <c>history</c>'s bridge line: the group's server-side balance <c>appended = acknowledged + pending + unread</c>, and
/// this consumer's own counts, which must agree with it (it is the group's only consumer).
/// </summary>
/// <param name="Stream">The stream's name.</param>
/// <param name="Group">history's consumer group, its own.</param>
/// <param name="Server">The group's balance as Redis counts it.</param>
/// <param name="Appended">Entries the stream's producers appended (the script's counter).</param>
/// <param name="Consumer">The subscriber's counts.</param>
internal sealed record HistoryBalance(string Stream, string Group, long Appended, RedisGroupBalance Server, RedisSubscriberStats Consumer)
{
    /// <summary>
    /// Whether every appended entry is acknowledged, pending or unread; every acknowledgement is this consumer's (an
    /// event it processed, or an entry it could not decode); and every event it delivered was processed and acknowledged.
    /// </summary>
    public bool IsBalanced =>
        Appended == Server.Acknowledged + Server.Pending + Server.Unread
        && Server.Acknowledged == Consumer.Acknowledged + Consumer.Undecodable
        && Consumer.Delivered == Consumer.Processed && Consumer.Processed == Consumer.Acknowledged;

    /// <summary>The line both commands start with <c>Redis bridge:</c>, this one for the group.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"Redis bridge: stream {Stream}, group {Group}: appended {Appended} = acknowledged {Server.Acknowledged} + pending {Server.Pending} + unread {Server.Unread}; "
        + $"delivered {Consumer.Delivered}, processed {Consumer.Processed}, duplicates {Consumer.Duplicates}, redeliveries {Consumer.Redeliveries}, "
        + $"gaps {Consumer.Gaps}, undecodable {Consumer.Undecodable}: {(IsBalanced ? "balanced" : "NOT BALANCED")}");
}
