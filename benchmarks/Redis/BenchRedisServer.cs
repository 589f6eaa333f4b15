using System;
using GeneratedBus.Tests.Shared;
using StackExchange.Redis;

namespace GeneratedBus.Benchmarks.Redis;

/// <summary>
/// A private redis-server for the issue 13 benchmarks, the very process the Redis tests start (<see cref="RedisProcess"/>):
/// Debian's binary on 127.0.0.1, a free port (never 6379) and a temp directory of its own, no persistence, stopped by
/// its process id.
/// </summary>
public sealed class BenchRedisServer : IDisposable
{
    /// <summary>What a goal row says when there is no redis-server to measure against.</summary>
    public const string Missing = "skipped: redis-server not found";

    private readonly RedisProcess _process;

    private BenchRedisServer(string binary)
    {
        _process = new RedisProcess(binary, appendOnly: false, "gb-bench-redis-");
        try
        {
            _process.Start();
        }
        catch
        {
            _process.Dispose(); // never leave a server running
            throw;
        }
    }

    /// <summary>The port it listens on, on 127.0.0.1.</summary>
    public int Port => _process.Port;

    /// <summary>Whether redis-server is on the PATH.</summary>
    public static bool IsInstalled => RedisProcess.FindBinary() is not null;

    /// <summary>A started server, or null when redis-server is not on the PATH.</summary>
    public static BenchRedisServer? TryStart() => RedisProcess.FindBinary() is { } binary ? new BenchRedisServer(binary) : null;

    /// <summary>A connection to this server.</summary>
    public ConnectionMultiplexer Connect() => ConnectionMultiplexer.Connect($"127.0.0.1:{Port},abortConnect=false,syncTimeout=10000");

    /// <summary>Stops the server by its process id and deletes its directory.</summary>
    public void Dispose() => _process.Dispose();
}
