using System.Threading.Tasks;
using GeneratedBus.Redis.Scripts;
using StackExchange.Redis;

namespace GeneratedBus.Redis.Accounting;

/// <summary>Trims a stream only below the oldest entry some registered group has not acknowledged: nothing unread is ever trimmed.</summary>
public static class RedisStreamTrimmer
{
    /// <summary>
    /// Removes the entries every group has acknowledged (one atomic script: each group's floor is its oldest pending
    /// entry, or else its last delivered one, and the stream is trimmed below the lowest floor). A stream with no
    /// group is left whole. Returns how many entries were removed; they leave room under the publishers' capacity.
    /// </summary>
    public static async Task<long> TrimAcknowledgedAsync(IDatabase database, RedisStreamKeys keys)
    {
        System.ArgumentNullException.ThrowIfNull(database);
        System.ArgumentNullException.ThrowIfNull(keys);
        return (long)await database.ScriptEvaluateAsync(TrimScript.Text, [keys.Stream]).ConfigureAwait(false);
    }
}
