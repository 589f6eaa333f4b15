using System;
using System.Collections.Generic;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace GeneratedBus.Redis.Hosting;

/// <summary>
/// The connections of hosted publishers and subscribers: one multiplexer per configured connection string, made with
/// <c>abortConnect=false</c> (startup never waits for Redis; it reconnects in the background) and disposed with the
/// container, after every companion stopped; or, without a connection string, the <see cref="IConnectionMultiplexer"/>
/// registered in DI, which this never disposes.
/// </summary>
internal sealed class RedisConnections(IServiceProvider provider) : IDisposable
{
    private readonly Dictionary<string, ConnectionMultiplexer> _owned = new(StringComparer.Ordinal);

    public IConnectionMultiplexer Get(string? connectionString)
    {
        if (connectionString is null)
        {
            return provider.GetRequiredService<IConnectionMultiplexer>();
        }

        lock (_owned)
        {
            if (!_owned.TryGetValue(connectionString, out ConnectionMultiplexer? connection))
            {
                ConfigurationOptions options = ConfigurationOptions.Parse(connectionString);
                options.AbortOnConnectFail = false;
                connection = ConnectionMultiplexer.Connect(options);
                _owned.Add(connectionString, connection);
            }

            return connection;
        }
    }

    public void Dispose()
    {
        lock (_owned)
        {
            foreach (ConnectionMultiplexer connection in _owned.Values)
            {
                connection.Dispose();
            }

            _owned.Clear();
        }
    }
}
