using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using StackExchange.Redis;

namespace GeneratedBus.Benchmarks.Redis;

/// <summary>
/// A private redis-server for the issue 13 benchmarks, started as the Redis tests start theirs: Debian's binary on
/// 127.0.0.1, a free port (never 6379) and a temp directory of its own, no persistence, stopped by its process id.
/// </summary>
public sealed class BenchRedisServer : IDisposable
{
    /// <summary>What a goal row says when there is no redis-server to measure against.</summary>
    public const string Missing = "skipped: redis-server not found";

    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(15);
    private readonly Process _process;
    private readonly string _directory;

    private BenchRedisServer(string binary)
    {
        Port = FreePort();
        _directory = Path.Combine(Path.GetTempPath(), "gb-bench-redis-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(_directory);
        var info = new ProcessStartInfo(binary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string arg in new[] { "--port", Port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--dir", _directory,
                     "--save", "", "--appendonly", "no", "--daemonize", "no" })
        {
            info.ArgumentList.Add(arg);
        }

        _process = Process.Start(info) ?? throw new InvalidOperationException("redis-server did not start.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        try
        {
            WaitForPing();
        }
        catch
        {
            Dispose(); // never leave a server running
            throw;
        }
    }

    /// <summary>The port it listens on, on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>Whether redis-server is on the PATH.</summary>
    public static bool IsInstalled => Find() is not null;

    /// <summary>A started server, or null when redis-server is not on the PATH.</summary>
    public static BenchRedisServer? TryStart() => Find() is { } binary ? new BenchRedisServer(binary) : null;

    /// <summary>A connection to this server.</summary>
    public ConnectionMultiplexer Connect() => ConnectionMultiplexer.Connect($"127.0.0.1:{Port},abortConnect=false,syncTimeout=10000");

    /// <summary>Stops the server by its process id and deletes its directory.</summary>
    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        _process.WaitForExit(10_000);
        _process.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // a file still held: the temp directory is cleaned by the system
        }
    }

    private void WaitForPing()
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var probe = ConnectionMultiplexer.Connect($"127.0.0.1:{Port},connectTimeout=500,abortConnect=true");
                probe.GetDatabase().Ping();
                return;
            }
            catch (RedisConnectionException) when (clock.Elapsed < StartDeadline && !_process.HasExited)
            {
                Thread.Sleep(50);
            }
        }
    }

    private static string? Find()
    {
        foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
        {
            string candidate = Path.Combine(dir, "redis-server");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
