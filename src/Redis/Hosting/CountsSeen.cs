using System;
using System.Collections.Generic;

namespace GeneratedBus.Redis.Hosting;

/// <summary>The counts one health check registration saw last, so each check reports only what grew since.</summary>
internal sealed class CountsSeen
{
    private readonly Dictionary<string, long> _last = new(StringComparer.Ordinal);

    /// <summary>How much <paramref name="name"/> grew since the last call (0 the first time it is 0); remembers <paramref name="now"/>.</summary>
    public long Grown(string name, long now)
    {
        lock (_last)
        {
            long before = _last.GetValueOrDefault(name);
            _last[name] = now;
            return Math.Max(0, now - before);
        }
    }
}
