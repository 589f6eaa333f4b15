using System;
using System.IO;
using System.Linq;
using GeneratedBus.Redis.Tests.Support;
using GeneratedBus.Samples.Tests.Support;
using SparkScheduler.Reporting;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace GeneratedBus.Samples.Tests;

/// <summary>
/// Issue 13's main job: <c>--redis</c> publishes the run's events to a stream, and <c>history</c>, a second process,
/// reads it back: the run's App status, <c>replay</c>'s REST files for the run's event log, and bridge lines that
/// balance. Real processes and a private redis-server (skipped with a message when it is missing, failed under CI=true).
/// </summary>
public sealed class RedisBridgeTests(ITestOutputHelper output)
{
    // A complete event log (the eventLog queue waits, its listener is not slowed), so replay sees every event too.
    private static string[] Workload(TempDirectory dir) =>
        [.. SampleRun.SmallWorkload, "--slow-listener-delay", "0", "--event-log-queue", "wait",
            "--event-log", dir.File("events.log"), "--report", dir.File("report.html")];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void History_in_a_second_process_prints_the_runs_app_status_and_writes_replays_rest_files(bool historyFirst)
    {
        using RedisServer? server = RedisServer.StartOrSkip(output);
        if (server is null)
        {
            return;
        }

        using var dir = new TempDirectory();
        string redis = $"127.0.0.1:{server.Port}";
        string stream = "test-" + Guid.NewGuid().ToString("N")[..8];
        string[] history = ["history", "--redis", redis, "--stream", stream, "--rest-out", dir.File("history-rest"), "--timeout", "120"];
        SampleRun run, read;
        if (historyFirst)
        {
            using ChildProcess waiting = ChildProcess.StartSparkScheduler(dir.Path, history);
            // history registers its own group on the stream as it starts: from then on, the run comes after it.
            WaitingOn.Redis(server, waiting, "register its group",
                db => db.KeyExists($"{{{stream}}}:stream") && db.StreamGroupInfo($"{{{stream}}}:stream").Length > 0);
            run = ChildProcess.SparkScheduler(dir.Path, [.. Workload(dir), "--redis", redis, "--stream", stream]);
            read = waiting.WaitForExit();
        }
        else
        {
            run = ChildProcess.SparkScheduler(dir.Path, [.. Workload(dir), "--redis", redis, "--stream", stream]);
            read = ChildProcess.SparkScheduler(dir.Path, history);
        }

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.True(read.ExitCode == 0, read.Stderr);

        // The publisher: everything the redis queue was given was appended, and the line balances.
        QueueRow queue = Assert.Single(run.Table.Queues, q => q.Name == "redis");
        var published = BridgeLines.Publisher(run.Stdout);
        Assert.True(published.Balanced, run.Stdout);
        Assert.Equal(queue.Posted, published.Posted);
        Assert.Equal(run.Table.Value(ResultTable.EventTypes, "firehose.total"), published.Posted);
        Assert.Equal((published.Posted, 0L, 0L, 0L, 0L, 0L, 0L), (published.Appended, published.DroppedFull, published.DroppedUnreachable, published.Duplicates, published.Waiting, published.Unencodable, published.Unconfirmed));

        // history: every appended entry delivered once, processed and acknowledged; none pending or unread.
        var group = BridgeLines.Group(read.Stdout);
        Assert.True(group.Balanced, read.Stdout);
        Assert.Equal(published.Appended, group.Appended);
        Assert.Equal((group.Appended, 0L, 0L), (group.Acknowledged, group.Pending, group.Unread));
        Assert.Equal((group.Appended, group.Appended), (group.Delivered, group.Processed));
        Assert.Equal((0L, 0L, 0L, 0L), (group.Duplicates, group.Redeliveries, group.Gaps, group.Undecodable));

        Assert.Equal(run.Table.Section(ResultTable.AppStatus), read.Table.Section(ResultTable.AppStatus));

        // Its group balanced, so history removed it: another history's group would be the only one left.
        Assert.Contains($"group {group.Name} removed from {{{stream}}}:stream: everything it read is acknowledged", read.Stdout, StringComparison.Ordinal);
        using (ConnectionMultiplexer observer = server.ConnectObserver())
        {
            Assert.DoesNotContain(observer.GetDatabase().StreamGroupInfo($"{{{stream}}}:stream"), g => g.Name == group.Name);
        }

        SampleRun replay = ChildProcess.SparkScheduler(dir.Path, "replay", dir.File("events.log"), "--rest-out", dir.File("replay-rest"));
        Assert.True(replay.ExitCode == 0, replay.Stderr);
        AssertSameFiles(dir.File("replay-rest"), dir.File("history-rest"));
    }

    [Fact]
    public void History_says_it_timed_out_and_exits_1_when_no_run_ends()
    {
        using RedisServer? server = RedisServer.StartOrSkip(output);
        if (server is null)
        {
            return;
        }

        using var dir = new TempDirectory();
        SampleRun read = ChildProcess.SparkScheduler(dir.Path,
            "history", "--redis", $"127.0.0.1:{server.Port}", "--stream", "nobody-publishes", "--rest-out", dir.File("rest"), "--timeout", "1");

        Assert.Equal(1, read.ExitCode);
        Assert.Contains("error: timed out: nothing new on stream 'nobody-publishes' for 1 s (--timeout) and the run has not ended", read.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, BridgeLines.Group(read.Stdout).Appended);
        Assert.False(Directory.Exists(dir.File("rest")), "REST files written for a run that never ended");

        // A group that did not finish stays on the stream to be looked at, and the output says how to remove it.
        string name = BridgeLines.Group(read.Stdout).Name;
        Assert.Contains($"group {name} kept on {{nobody-publishes}}:stream for inspection", read.Stdout, StringComparison.Ordinal);
        using ConnectionMultiplexer observer = server.ConnectObserver();
        Assert.Contains(observer.GetDatabase().StreamGroupInfo("{nobody-publishes}:stream"), g => g.Name == name);
    }

    [Fact]
    public void A_run_into_a_stream_that_holds_another_run_is_refused_with_exit_code_2()
    {
        using RedisServer? server = RedisServer.StartOrSkip(output);
        if (server is null)
        {
            return;
        }

        using (ConnectionMultiplexer redis = server.Connect())
        {
            redis.GetDatabase().HashSet("{used}:counters", "appended", 5);
        }

        using var dir = new TempDirectory();
        SampleRun run = SampleRun.InProcess([.. Workload(dir), "--redis", $"127.0.0.1:{server.Port}", "--stream", "used"]);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: stream 'used' already holds a run (5 events handled); history would mix two runs.", run.Stderr, StringComparison.Ordinal);
        Assert.Equal("", run.Stdout);
        Assert.False(File.Exists(dir.File("report.html")), "the run went ahead");
    }

    [Theory]
    [InlineData("main")]
    [InlineData("history")]
    public void An_address_where_nothing_listens_exits_2_before_anything_runs(string command)
    {
        using var dir = new TempDirectory();
        string redis = $"127.0.0.1:{ClosedPort()}";
        string[] args = command == "main"
            ? [.. Workload(dir), "--redis", redis]
            : ["history", "--redis", redis, "--rest-out", dir.File("rest")];

        SampleRun run = SampleRun.InProcess(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"error: cannot reach Redis at {redis}: no connection within 3 s (UnableToConnect). Is redis-server running there?", run.Stderr.TrimEnd());
        Assert.Equal("", run.Stdout);
        Assert.Empty(Directory.EnumerateFileSystemEntries(dir.Path));
    }

    [Theory]
    [InlineData("--redis needs host:port, such as 127.0.0.1:6379, not 'localhost'.", "--redis", "localhost")]
    [InlineData("--redis needs host:port, such as 127.0.0.1:6379, not '127.0.0.1:0'.", "--redis", "127.0.0.1:0")]
    [InlineData("--redis needs host:port, such as 127.0.0.1:6379, not '127.0.0.1:6379,password=x'.", "--redis", "127.0.0.1:6379,password=x")]
    [InlineData("--redis needs a value <host:port>.", "--redis")]
    [InlineData("--stream names the Redis stream: it needs --redis <host:port>.", "--stream", "s")]
    [InlineData("--stream: Stream name 'a{b}' may not hold '{' or '}': it is the keys' hash tag.", "--redis", "127.0.0.1:1", "--stream", "a{b}")]
    [InlineData("--redis needs host:port, such as 127.0.0.1:6379, not ':6379'.", "history", "--redis", ":6379", "--rest-out", "x")]
    [InlineData("history needs --rest-out <dir>.", "history", "--redis", "127.0.0.1:1")]
    [InlineData("--rest-out needs a value.", "history", "--redis", "127.0.0.1:1", "--rest-out")]
    [InlineData("history needs --redis <host:port>.", "history", "--rest-out", "x")]
    [InlineData("--timeout needs a whole number of seconds, at least 1, not '0'.", "history", "--redis", "127.0.0.1:1", "--rest-out", "x", "--timeout", "0")]
    [InlineData("Unexpected argument 'log'.", "history", "log", "--redis", "127.0.0.1:1", "--rest-out", "x")]
    public void Bad_redis_arguments_exit_2_with_the_reason_and_the_usage(string reason, params string[] args)
    {
        SampleRun run = SampleRun.InProcess(args);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: " + reason + Environment.NewLine, run.Stderr, StringComparison.Ordinal);
        Assert.Contains(args[0] == "history" ? "Usage: SparkScheduler history --redis <host:port>" : "Usage: SparkScheduler [options]", run.Stderr, StringComparison.Ordinal);
        Assert.Equal("", run.Stdout);
    }

    private static void AssertSameFiles(string expected, string actual)
    {
        string[] Files(string root) => Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f)).Order(StringComparer.Ordinal).ToArray();
        string[] files = Files(expected);
        Assert.Contains("applications.json", files);
        Assert.Equal(files, Files(actual));
        Assert.All(files, f => Assert.True(
            File.ReadAllBytes(Path.Combine(expected, f)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(actual, f))), f + " differs"));
    }

    private static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port; // closed again when the listener is disposed
    }
}
