using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using StackExchange.Redis;

namespace GeneratedBus.Tests.Shared;

/// <summary>
/// A private redis-server process: Debian's binary on 127.0.0.1, a free port and a temp directory of its own, no RDB
/// snapshots, stopped by its process id (SIGKILL: what a crash does). With append-only on, every write is in the AOF,
/// fsynced, before Redis replies, and <see cref="Stop"/> then <see cref="Start"/> on the same port and directory reloads
/// it. Free of xunit, so that the Redis test projects and the benchmarks link this one file (linked, not referenced).
/// </summary>
internal sealed class RedisProcess : IDisposable
{
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(15);

    private readonly string _binary;
    private Process? _process;
    private bool _paused;

    /// <summary>Picks a free port and creates the directory; nothing runs until <see cref="Start"/>.</summary>
    /// <param name="binary">The redis-server executable, as <see cref="FindBinary"/> returns it.</param>
    /// <param name="appendOnly">Persist every write to an AOF, fsynced before the reply (for restart tests).</param>
    /// <param name="directoryPrefix">The start of the temp directory's name, which tells whose leftovers it holds.</param>
    public RedisProcess(string binary, bool appendOnly, string directoryPrefix)
    {
        _binary = binary;
        AppendOnly = appendOnly;
        Port = FreePort();
        Directory = Path.Combine(Path.GetTempPath(), directoryPrefix + Guid.NewGuid().ToString("N")[..12]);
        System.IO.Directory.CreateDirectory(Directory);
    }

    /// <summary>The port it listens on, on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>Whether it runs with <c>appendonly yes</c> and <c>appendfsync always</c>.</summary>
    public bool AppendOnly { get; }

    /// <summary>
    /// From the next <see cref="Start"/>: how long loading each key of the AOF's base snapshot takes (Redis's
    /// <c>key-load-delay</c>; it also delays each command of the AOF's tail), with clients served every KiB loaded, so
    /// that they meet a server answering LOADING for a while. Zero: no delay.
    /// </summary>
    public TimeSpan KeyLoadDelay { get; set; }

    /// <summary>Its working directory.</summary>
    public string Directory { get; }

    /// <summary>The redis-server executable on the PATH, or null when there is none.</summary>
    public static string? FindBinary()
    {
        foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
        {
            string candidate = Path.Combine(dir, "redis-server");
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    /// <summary>
    /// Starts the server (again, after <see cref="Stop"/>, on the same port and directory) and waits until it answers
    /// PING. When it does not answer in time the process is left for <see cref="Stop"/> or <see cref="Dispose"/>.
    /// </summary>
    public void Start()
    {
        if (_process is not null) throw new InvalidOperationException("redis-server is already running.");
        var info = new ProcessStartInfo(_binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in new[] { "--port", Port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1",
                     "--dir", Directory, "--save", "", "--daemonize", "no",
                     "--appendonly", AppendOnly ? "yes" : "no", "--appendfsync", "always",
                     "--key-load-delay", (KeyLoadDelay.Ticks / 10).ToString(CultureInfo.InvariantCulture),
                     "--loading-process-events-interval-bytes", KeyLoadDelay > TimeSpan.Zero ? "1024" : "2097152" })
            info.ArgumentList.Add(arg);
        _process = Process.Start(info) ?? throw new InvalidOperationException("redis-server did not start.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var probe = ConnectionMultiplexer.Connect($"127.0.0.1:{Port},connectTimeout=500,abortConnect=true");
                probe.GetDatabase().Ping();
                return;
            }
            catch (Exception ex) when (clock.Elapsed < StartDeadline && !_process.HasExited
                && (ex is RedisConnectionException || (ex is RedisServerException && ex.Message.StartsWith("LOADING", StringComparison.Ordinal))))   // still reading its AOF
            {
                Thread.Sleep(50);
            }
        }
    }

    /// <summary>
    /// Freezes the server (SIGSTOP): connections stay open and commands reach its socket, but nothing runs or answers
    /// until <see cref="Resume"/>, so a call in flight has an unknown outcome. <see cref="Stop"/> resumes it first.
    /// </summary>
    public void Pause()
    {
        if (_process is null) throw new InvalidOperationException("redis-server is not running.");
        Signal("-STOP");
        _paused = true;
    }

    /// <summary>Lets a paused server run again (SIGCONT): it then reads and runs what was sent meanwhile.</summary>
    public void Resume()
    {
        if (_process is null || !_paused) return;
        Signal("-CONT");
        _paused = false;
    }

    /// <summary>Stops the server by its process id (kill) and waits for it to end.</summary>
    public void Stop()
    {
        if (_process is null) return;
        Resume(); // a stopped process would keep its port and directory until it is continued
        if (!_process.HasExited) _process.Kill();
        if (!_process.WaitForExit(10_000)) throw new TimeoutException($"redis-server {_process.Id} did not end within 10 s.");
        _process.Dispose();
        _process = null;
    }

    /// <summary>Stops the server and deletes its directory.</summary>
    public void Dispose()
    {
        Stop();
        try { System.IO.Directory.Delete(Directory, recursive: true); } catch (IOException) { } // a file still held: the system cleans its temp directory
    }

    // By process id, through kill(1): no P/Invoke, and never by name.
    private void Signal(string signal)
    {
        var info = new ProcessStartInfo("kill") { UseShellExecute = false };
        info.ArgumentList.Add(signal);
        info.ArgumentList.Add(_process!.Id.ToString(CultureInfo.InvariantCulture));
        using Process kill = Process.Start(info) ?? throw new InvalidOperationException("kill did not start.");
        if (!kill.WaitForExit(10_000)) throw new TimeoutException($"kill {signal} {_process.Id} did not end within 10 s.");
        if (kill.ExitCode != 0) throw new InvalidOperationException($"kill {signal} {_process.Id} failed ({kill.ExitCode}).");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
