namespace GeneratedBus.Redis.Scripts;

/// <summary>The server-side script that appends one producer's batch atomically.</summary>
internal static class AppendScript
{
    /// <summary>
    /// KEYS: stream, counters, producers. ARGV: capacity, producer, first sequence, notify channel, then one JSON
    /// payload per event (sequence = first + index). Returns { appended, dropped_full, duplicates }.
    /// </summary>
    public const string Text = """
        local capacity = tonumber(ARGV[1])
        local producer = ARGV[2]
        local first = tonumber(ARGV[3])
        local n = #ARGV - 4
        -- A retry of the very batch whose reply was lost: answer what the first call did and change nothing, so
        -- the publisher counts each event exactly once and nothing is appended twice.
        if tonumber(redis.call('HGET', KEYS[3], producer .. ':first') or '-1') == first then
          local a, f, d = string.match(redis.call('HGET', KEYS[3], producer .. ':reply'), '(%d+),(%d+),(%d+)')
          return { tonumber(a), tonumber(f), tonumber(d) }
        end
        -- Any other sequence at or below the producer's last one was handled before: a duplicate, never appended.
        local last = tonumber(redis.call('HGET', KEYS[3], producer) or '0')
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
            redis.call('XADD', KEYS[1], '*', 'p', producer, 's', string.format('%d', seq), 'e', ARGV[4 + i])
            length = length + 1
            appended = appended + 1
            last = seq
          end
        end
        -- The de-duplication state and the counters change in the same atomic step as the stream.
        redis.call('HSET', KEYS[3], producer, string.format('%d', last), producer .. ':first', ARGV[3],
          producer .. ':reply', appended .. ',' .. full .. ',' .. dup)
        if appended > 0 then redis.call('HINCRBY', KEYS[2], 'appended', appended) end
        if full > 0 then redis.call('HINCRBY', KEYS[2], 'dropped_full', full) end
        if dup > 0 then redis.call('HINCRBY', KEYS[2], 'duplicates', dup) end
        -- Wake idle subscribers; publishing inside a script is allowed and, on Cluster, goes to the same shard.
        if appended > 0 and ARGV[4] ~= '' then redis.call('PUBLISH', ARGV[4], appended) end
        return { appended, full, dup }
        """;
}
