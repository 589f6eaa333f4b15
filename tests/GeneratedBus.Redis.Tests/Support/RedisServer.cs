using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using GeneratedBus.Tests.Shared;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace GeneratedBus.Redis.Tests.Support;

/// <summary>
/// A private redis-server for a test (the process itself is <see cref="RedisProcess"/>, shared with the benchmarks):
/// Debian's binary on 127.0.0.1, a free port and a temp directory of its own, no RDB snapshots, stopped by its process
/// id (SIGKILL: what a crash does). With append-only on, every write is in the AOF, fsynced, before Redis replies, and
/// <see cref="Stop"/> then <see cref="Start"/> on the same port and directory reloads it. <see cref="StartOrSkip"/>
/// returns null when redis-server is missing (the test then returns after saying so), and fails under CI=true, where
/// .ci/run installs it.
/// </summary>
public sealed class RedisServer : IDisposable
{
    private static readonly TimeSpan RewriteDeadline = TimeSpan.FromSeconds(15);
    private readonly RedisProcess _process;

    private RedisServer(string binary, bool appendOnly) => _process = new RedisProcess(binary, appendOnly, "gb-redis-");

    /// <summary>The port it listens on, on 127.0.0.1.</summary>
    public int Port => _process.Port;

    /// <summary>Whether it runs with <c>appendonly yes</c> and <c>appendfsync always</c>.</summary>
    public bool AppendOnly => _process.AppendOnly;

    /// <summary>
    /// From the next <see cref="Start"/>: how long loading each key of the AOF's base snapshot takes (Redis's
    /// <c>key-load-delay</c>; it also delays each command of the AOF's tail), with clients served every KiB loaded, so
    /// that they meet a server answering LOADING for a while. Zero: no delay.
    /// </summary>
    public TimeSpan KeyLoadDelay
    {
        get => _process.KeyLoadDelay;
        set => _process.KeyLoadDelay = value;
    }

    /// <summary>Its working directory.</summary>
    public string Directory => _process.Directory;

    /// <summary>The StackExchange.Redis configuration string: no abort on connect, short timeouts for the fault tests.</summary>
    public string Configuration => $"127.0.0.1:{Port},abortConnect=false,connectTimeout=1000,syncTimeout=1000,connectRetry=1";

    /// <summary>A started server, or null (after writing why) when redis-server is not installed and CI is not set.</summary>
    /// <param name="output">Where a skip is explained.</param>
    /// <param name="appendOnly">Persist every write to an AOF, fsynced before the reply (for restart tests).</param>
    public static RedisServer? StartOrSkip(ITestOutputHelper output, bool appendOnly = false)
    {
        string? binary = RedisProcess.FindBinary();
        if (binary is null)
        {
            Assert.False(
                string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase),
                "CI=true but redis-server is missing (.ci/run installs Debian's redis-server).");
            output.WriteLine("redis-server is not installed; this test did not run. apt-get install -y redis-server");
            return null;
        }
        var server = new RedisServer(binary, appendOnly);
        try
        {
            server.Start();
        }
        catch
        {
            server.Dispose(); // a server that never answered PING must not outlive the failed test
            throw;
        }

        return server;
    }

    /// <summary>Starts the server (again, after <see cref="Stop"/>, on the same port and directory) and waits until it answers PING.</summary>
    public void Start() => _process.Start();

    /// <summary>
    /// Freezes the server (SIGSTOP): connections stay open and commands reach its socket, but nothing runs or answers
    /// until <see cref="Resume"/>, so a call in flight has an unknown outcome. <see cref="Stop"/> resumes it first.
    /// </summary>
    public void Pause() => _process.Pause();

    /// <summary>Lets a paused server run again (SIGCONT): it then reads and runs what was sent meanwhile.</summary>
    public void Resume() => _process.Resume();

    /// <summary>Stops the server by its process id (kill) and waits for it to end.</summary>
    public void Stop() => _process.Stop();

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
            if (clock.Elapsed > RewriteDeadline) throw new TimeoutException($"The AOF rewrite did not finish within {RewriteDeadline}.");
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
    public void Dispose() => _process.Dispose();
}
