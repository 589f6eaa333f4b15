using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using StackExchange.Redis;

namespace GeneratedBus.Redis.Accounting;

/// <summary>
/// The stream's server-side counters and every group's balance, read from Redis by any process (see
/// <see cref="ReadAsync"/>): what the producers' scripts appended, dropped and de-duplicated, and for each group
/// <c>Appended = Acknowledged + Pending + Unread</c>.
/// </summary>
/// <param name="Stream">The stream's name.</param>
/// <param name="Appended">Entries the append script added, ever.</param>
/// <param name="DroppedStreamFull">Events the script dropped at capacity.</param>
/// <param name="Duplicates">Events the script had already handled.</param>
/// <param name="Length">Entries in the stream now (appended minus trimmed).</param>
/// <param name="Groups">Every registered group's balance.</param>
public sealed record RedisStreamBalance(
    string Stream, long Appended, long DroppedStreamFull, long Duplicates, long Length, IReadOnlyList<RedisGroupBalance> Groups)
{
    /// <summary>Whether every group accounts for every appended entry.</summary>
    public bool IsBalanced => Groups.All(g => g.Acknowledged + g.Pending + g.Unread == Appended);

    /// <summary>Reads the counters, XLEN, XINFO GROUPS and the acknowledgement counters of the stream <paramref name="keys"/>.</summary>
    public static async Task<RedisStreamBalance> ReadAsync(IDatabase database, RedisStreamKeys keys)
    {
        System.ArgumentNullException.ThrowIfNull(database);
        System.ArgumentNullException.ThrowIfNull(keys);
        HashEntry[] counters = await database.HashGetAllAsync(keys.Counters).ConfigureAwait(false);
        var byName = counters.ToDictionary(c => (string)c.Name!, c => (long)c.Value);
        long length = await database.StreamLengthAsync(keys.Stream).ConfigureAwait(false);
        StreamGroupInfo[] infos = await database.KeyExistsAsync(keys.Stream).ConfigureAwait(false)
            ? await database.StreamGroupInfoAsync(keys.Stream).ConfigureAwait(false)
            : [];
        long appended = byName.GetValueOrDefault("appended");
        var groups = new List<RedisGroupBalance>(infos.Length);
        foreach (StreamGroupInfo g in infos.OrderBy(g => g.Name, System.StringComparer.Ordinal))
        {
            // XINFO's lag is null when Redis cannot derive it (an entry deleted after the group's last delivered one):
            // then the unread entries are counted, never assumed to be none.
            long unread = g.Lag ?? await CountAfterAsync(database, keys.Stream, g.LastDeliveredId).ConfigureAwait(false);
            groups.Add(new RedisGroupBalance(g.Name, byName.GetValueOrDefault("acked:" + g.Name), g.PendingMessageCount, unread));
        }
        return new RedisStreamBalance(keys.Name, appended, byName.GetValueOrDefault("dropped_full"), byName.GetValueOrDefault("duplicates"), length, groups);
    }

    private static async Task<long> CountAfterAsync(IDatabase database, RedisKey stream, string? lastDelivered)
    {
        const int Page = 10_000;
        long count = 0;
        RedisValue start = string.IsNullOrEmpty(lastDelivered) ? "-" : "(" + lastDelivered; // "(": exclusive (Redis 6.2+)
        while (true)
        {
            StreamEntry[] page = await database.StreamRangeAsync(stream, start, "+", Page).ConfigureAwait(false);
            count += page.Length;
            if (page.Length < Page) return count;
            start = "(" + page[^1].Id;
        }
    }

    /// <inheritdoc />
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture,
            $"stream {Stream}: appended {Appended}, dropped (stream full) {DroppedStreamFull}, duplicates {Duplicates}, length {Length}");
        foreach (RedisGroupBalance g in Groups)
        {
            bool ok = g.Acknowledged + g.Pending + g.Unread == Appended;
            text.AppendLine().Append(CultureInfo.InvariantCulture,
                $"  group {g.Group}: appended {Appended} = acknowledged {g.Acknowledged} + pending {g.Pending} + unread {g.Unread}: {(ok ? "balanced" : "NOT BALANCED")}");
        }
        return text.ToString();
    }
}
