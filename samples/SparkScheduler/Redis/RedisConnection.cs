using StackExchange.Redis;

namespace SparkScheduler.Redis;

/// <summary>Opens the one connection a command uses, and turns an unreachable address into a plain sentence.</summary>
internal static class RedisConnection
{
    /// <exception cref="RedisSetupException">Nothing answered at <paramref name="address"/> within the connect timeout.</exception>
    public static ConnectionMultiplexer Open(RedisAddress address)
    {
        try
        {
            return ConnectionMultiplexer.Connect(address.Configuration);
        }
        catch (RedisConnectionException e)
        {
            // StackExchange.Redis's own message suggests connection-string options, which --redis does not take.
            throw new RedisSetupException(
                $"cannot reach Redis at {address}: no connection within {RedisAddress.ConnectTimeout.TotalSeconds} s ({e.FailureType}). Is redis-server running there?");
        }
    }
}
