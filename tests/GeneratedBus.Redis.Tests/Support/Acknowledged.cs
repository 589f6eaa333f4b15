using System;
using System.Linq;
using System.Threading.Tasks;
using GeneratedBus.Redis.Accounting;
using StackExchange.Redis;

namespace GeneratedBus.Redis.Tests.Support;

/// <summary>Waits, from the server's balance, until every group of a stream acknowledged a total.</summary>
public static class Acknowledged
{
    /// <summary>Returns the balance once <paramref name="groups"/> groups each acknowledged <paramref name="total"/>; fails after the deadline.</summary>
    public static async Task<RedisStreamBalance> UntilAsync(ConnectionMultiplexer redis, RedisStreamKeys keys, long total, int groups, TimeSpan deadline)
    {
        RedisStreamBalance? balance = null;
        await Waiting.UntilAsync(async () =>
        {
            balance = await RedisStreamBalance.ReadAsync(redis.GetDatabase(), keys);
            return balance.Groups.Count == groups && balance.Groups.All(g => g.Acknowledged == total);
        }, deadline, () => balance?.ToString() ?? "no balance yet");
        return balance!;
    }
}
