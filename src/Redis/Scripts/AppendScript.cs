namespace GeneratedBus.Redis.Scripts;

/// <summary>The server-side script that appends one producer's batch atomically.</summary>
internal static class AppendScript
{
    /// <summary>How many of a producer's latest replies the script keeps, to answer a retry of any batch still in flight.</summary>
    public const int RepliesKept = 8;

    /// <summary>
    /// KEYS: stream, counters, producers. ARGV: capacity, producer, first sequence, notify channel, "after" (the
    /// sequence that must already be handled, when the batch was sent while the one before it was in flight; 0 for
    /// none), then one JSON payload per event (sequence = first + index). Returns { appended, dropped_full, duplicates },
    /// or { -1, last } when "after" is not handled yet (nothing changed; the publisher sends it again once the earlier
    /// batch is settled).
    /// </summary>
    public static readonly string Text = $$"""
        local capacity = tonumber(ARGV[1])
        local producer = ARGV[2]
        local first = tonumber(ARGV[3])
        local after = tonumber(ARGV[5])
        local n = #ARGV - 5
        -- A retry of a recent batch whose reply was lost: answer what the first call did and change nothing, so the
        -- publisher counts each event exactly once and nothing is appended twice. Entries: ' first:a,f,d'.
        local replies = redis.call('HGET', KEYS[3], producer .. ':replies') or ''
        local a, f, d = string.match(replies, ' ' .. ARGV[3] .. ':(%d+),(%d+),(%d+)')
        if a then return { tonumber(a), tonumber(f), tonumber(d) } end
        -- Any other sequence at or below the producer's last one was handled before: a duplicate, never appended.
        local last = tonumber(redis.call('HGET', KEYS[3], producer) or '0')
        -- Sent while an earlier batch was in flight, and that one is not handled: after a failure the later call
        -- overtook it (a new connection). Refused, so per-producer order holds; the publisher resends both in order.
        if after > 0 and last < after then return { -1, last } end
        -- Capacity is checked against XLEN (exact, O(1)) and the excess is dropped NEW and counted; XADD MAXLEN is
        -- never used, because it would silently trim the oldest, possibly unread, entries.
        local length = redis.call('XLEN', KEYS[1])
        local appended, full, dup = 0, 0, 0
        for i = 1, n do
          local seq = first + i - 1
          if seq <= last then
            dup = dup + 1
          elseif length >= capacity then
            full = full + 1
            last = seq
          else
            redis.call('XADD', KEYS[1], '*', 'p', producer, 's', string.format('%d', seq), 'e', ARGV[5 + i])
            length = length + 1
            appended = appended + 1
            last = seq
          end
        end
        -- The de-duplication state and the counters change in the same atomic step as the stream.
        replies = replies .. ' ' .. ARGV[3] .. ':' .. appended .. ',' .. full .. ',' .. dup
        local _, kept = string.gsub(replies, ' ', ' ')
        if kept > {{RepliesKept}} then replies = string.sub(replies, (string.find(replies, ' ', 2, true))) end
        redis.call('HSET', KEYS[3], producer, string.format('%d', last), producer .. ':replies', replies)
        if appended > 0 then redis.call('HINCRBY', KEYS[2], 'appended', appended) end
        if full > 0 then redis.call('HINCRBY', KEYS[2], 'dropped_full', full) end
        if dup > 0 then redis.call('HINCRBY', KEYS[2], 'duplicates', dup) end
        -- Wake idle subscribers; publishing inside a script is allowed and, on Cluster, goes to the same shard.
        if appended > 0 and ARGV[4] ~= '' then redis.call('PUBLISH', ARGV[4], appended) end
        return { appended, full, dup }
        """;
}
