using System.Threading.Tasks;
using StackExchange.Redis;

namespace GeneratedBus.Redis.Subscribing;

/// <summary>Registers consumer groups: a group created at the stream's start ("0") receives every event ever appended.</summary>
public static class RedisGroups
{
    /// <summary>Creates <paramref name="group"/> on the stream (and the stream) if missing; an existing group is kept as it is.</summary>
    public static async Task EnsureAsync(IDatabase database, RedisStreamKeys keys, string group)
    {
        System.ArgumentNullException.ThrowIfNull(database);
        System.ArgumentNullException.ThrowIfNull(keys);
        try
        {
            await database.StreamCreateConsumerGroupAsync(keys.Stream, group, StreamPosition.Beginning, createStream: true).ConfigureAwait(false);
        }
        catch (RedisServerException ex) when (ex.Message.StartsWith("BUSYGROUP", System.StringComparison.Ordinal))
        {
            // registered before: its position and pending entries stay
        }
    }
}
