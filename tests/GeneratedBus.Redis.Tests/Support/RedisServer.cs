using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace GeneratedBus.Redis.Tests.Support;

/// <summary>
/// A private redis-server: Debian's binary on 127.0.0.1, a free port and a temp directory of its own, no RDB snapshots,
/// stopped by its process id (SIGKILL: what a crash does). With append-only on, every write is in the AOF, fsynced,
/// before Redis replies, and <see cref="Stop"/> then <see cref="Start"/> on the same port and directory reloads it.
/// <see cref="StartOrSkip"/> returns null when redis-server is missing (the test then returns after saying so), and
/// fails under CI=true, where .ci/run installs it.
/// </summary>
public sealed class RedisServer : IDisposable
{
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(15);
    private readonly string _binary;
    private Process? _process;
    private bool _paused;

    private RedisServer(string binary, bool appendOnly)
    {
        _binary = binary;
        AppendOnly = appendOnly;
        Port = FreePort();
        Directory = Path.Combine(Path.GetTempPath(), "gb-redis-" + Guid.NewGuid().ToString("N")[..12]);
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

    /// <summary>The StackExchange.Redis configuration string: no abort on connect, short timeouts for the fault tests.</summary>
    public string Configuration => $"127.0.0.1:{Port},abortConnect=false,connectTimeout=1000,syncTimeout=1000,connectRetry=1";

    /// <summary>A started server, or null (after writing why) when redis-server is not installed and CI is not set.</summary>
    /// <param name="output">Where a skip is explained.</param>
    /// <param name="appendOnly">Persist every write to an AOF, fsynced before the reply (for restart tests).</param>
    public static RedisServer? StartOrSkip(ITestOutputHelper output, bool appendOnly = false)
    {
        string? binary = Find();
        if (binary is null)
        {
            Assert.False(
                string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase),
                "CI=true but redis-server is missing (.ci/run installs Debian's redis-server).");
            output.WriteLine("redis-server is not installed; this test did not run. apt-get install -y redis-server");
            return null;
        }
        var server = new RedisServer(binary, appendOnly);
        server.Start();
        return server;
    }

    /// <summary>Starts the server (again, after <see cref="Stop"/>, on the same port and directory) and waits until it answers PING.</summary>
    public void Start()
    {
        if (_process is not null) throw new InvalidOperationException("redis-server is already running.");
        var info = new ProcessStartInfo(_binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in new[] { "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1",
                     "--dir", Directory, "--save", "", "--daemonize", "no",
                     "--appendonly", AppendOnly ? "yes" : "no", "--appendfsync", "always",
                     "--key-load-delay", (KeyLoadDelay.Ticks / 10).ToString(System.Globalization.CultureInfo.InvariantCulture),
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

    /// <summary>
    /// Rewrites the AOF (BGREWRITEAOF) and waits until it is done: the data so far moves into the base snapshot, which
    /// a restart loads key by key (see <see cref="KeyLoadDelay"/>).
    /// </summary>
    public void RewriteAppendOnlyFile()
    {
        using ConnectionMultiplexer admin = ConnectObserver(allowAdmin: true);
        IServer node = admin.GetServer("127.0.0.1", Port);
        node.Execute("BGREWRITEAOF");
        var clock = Stopwatch.StartNew();
        while (node.Info("persistence").SelectMany(group => group)
               .Any(p => p.Key is "aof_rewrite_in_progress" or "aof_rewrite_scheduled" && p.Value != "0"))
        {
            if (clock.Elapsed > StartDeadline) throw new TimeoutException($"The AOF rewrite did not finish within {StartDeadline}.");
            Thread.Sleep(20);
        }
    }

    /// <summary>
    /// A connection for a test's own reads and commands, with timeouts (15 s) long enough that a loaded machine fails no
    /// check: the short ones of <see cref="Configuration"/> are for the clients under test.
    /// </summary>
    public ConnectionMultiplexer ConnectObserver(bool allowAdmin = false) => ConnectionMultiplexer.Connect(
        $"127.0.0.1:{Port},abortConnect=false,syncTimeout=15000,asyncTimeout=15000,allowAdmin={(allowAdmin ? "true" : "false")}");

    /// <summary>A connection to this server.</summary>
    public ConnectionMultiplexer Connect() => ConnectionMultiplexer.Connect(Configuration);

    /// <inheritdoc />
    public void Dispose()
    {
        Stop();
        try { System.IO.Directory.Delete(Directory, recursive: true); } catch (IOException) { }
    }

    // By process id, through kill(1): no P/Invoke, and never by name.
    private void Signal(string signal)
    {
        var info = new ProcessStartInfo("kill") { UseShellExecute = false };
        info.ArgumentList.Add(signal);
        info.ArgumentList.Add(_process!.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using Process kill = Process.Start(info) ?? throw new InvalidOperationException("kill did not start.");
        if (!kill.WaitForExit(10_000)) throw new TimeoutException($"kill {signal} {_process.Id} did not end within 10 s.");
        if (kill.ExitCode != 0) throw new InvalidOperationException($"kill {signal} {_process.Id} failed ({kill.ExitCode}).");
    }

    private static string? Find()
    {
        foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
        {
            string candidate = Path.Combine(dir, "redis-server");
            if (File.Exists(candidate)) return candidate;
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
