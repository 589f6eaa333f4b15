namespace GeneratedBus.Redis.Scripts;

/// <summary>The server-side script that acknowledges entries and counts them for the group's balance.</summary>
internal static class AckScript
{
    /// <summary>KEYS: stream, counters. ARGV: group, then the entry ids. Returns how many were newly acknowledged.</summary>
    public const string Text = """
        local ids = {}
        for i = 2, #ARGV do ids[#ids + 1] = ARGV[i] end
        -- XACK answers only the entries that were still pending, so a redelivered entry acknowledged twice counts once
        -- and the counter stays exact: appended = acked + pending + unread, for every group.
        local n = redis.call('XACK', KEYS[1], ARGV[1], unpack(ids))
        if n > 0 then redis.call('HINCRBY', KEYS[2], 'acked:' .. ARGV[1], n) end
        return n
        """;
}
