namespace GeneratedBus.Redis.Scripts;

/// <summary>The server-side script that trims the stream below what every group has acknowledged.</summary>
internal static class TrimScript
{
    /// <summary>KEYS: stream. Returns the number of entries trimmed (0 when the stream has no group).</summary>
    public const string Text = """
        -- One atomic step: no group can move between reading the floors and trimming.
        local groups = redis.call('XINFO', 'GROUPS', KEYS[1])
        if #groups == 0 then return 0 end  -- nobody registered: nothing is known to be read, keep everything
        local floor = nil
        for _, g in ipairs(groups) do
          local name, delivered
          for i = 1, #g, 2 do
            if g[i] == 'name' then name = g[i + 1] elseif g[i] == 'last-delivered-id' then delivered = g[i + 1] end
          end
          -- A group's floor is its oldest pending entry, or else its last delivered one: everything below is acked.
          local pending = redis.call('XPENDING', KEYS[1], name)
          local groupFloor = delivered
          if pending[1] > 0 then groupFloor = pending[2] end
          local ms, seq = string.match(groupFloor, '(%d+)-(%d+)')
          local fms, fseq = 0, 0
          if floor then fms, fseq = string.match(floor, '(%d+)-(%d+)') end
          if floor == nil or tonumber(ms) < tonumber(fms) or (tonumber(ms) == tonumber(fms) and tonumber(seq) < tonumber(fseq)) then
            floor = groupFloor
          end
        end
        -- MINID removes only entries strictly below the floor; the floor entry itself stays.
        return redis.call('XTRIM', KEYS[1], 'MINID', floor)
        """;
}
