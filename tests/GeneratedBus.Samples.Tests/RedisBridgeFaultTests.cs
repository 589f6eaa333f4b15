using System;
using GeneratedBus.Redis.Tests.Support;
using GeneratedBus.Samples.Tests.Support;
using Xunit.Abstractions;

namespace GeneratedBus.Samples.Tests;

/// <summary>
/// The main job keeps its promise that it never waits for Redis, at its end too: when Redis stops mid-run, the run
/// gives up on what it could not send after 10 s without progress, counts it, and ends with a balanced bridge line. A
/// class of its own, so that its half minute of waiting runs beside the other tests.
/// </summary>
public sealed class RedisBridgeFaultTests(ITestOutputHelper output)
{
    [Fact]
    public void A_run_whose_redis_goes_away_still_ends_and_counts_what_it_could_not_send()
    {
        using RedisServer? server = RedisServer.StartOrSkip(output);
        if (server is null)
        {
            return;
        }

        using var dir = new TempDirectory();
        string stream = "gone-" + Guid.NewGuid().ToString("N")[..8];
        // About 300,000 events, posted faster than the publisher sends them: the redis queue still holds many when Redis stops.
        using ChildProcess running = ChildProcess.StartSparkScheduler(dir.Path,
            "--jobs", "30", "--tasks-per-stage", "1000", "--report", dir.File("report.html"), "--event-log", dir.File("events.log"),
            "--redis", $"127.0.0.1:{server.Port}", "--stream", stream);
        WaitingOn.Redis(server, running, "append anything", db => db.StreamLength($"{{{stream}}}:stream") > 0);
        server.Stop();
        SampleRun run = running.WaitForExit();

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("warning: Redis sent nothing for 10 s as the run ended; the events it had not sent are counted as dropped (unreachable).", run.Stderr, StringComparison.Ordinal);
        Assert.Contains($"warning: Redis was unreachable at the end, so the end marker of stream '{stream}' is missing", run.Stderr, StringComparison.Ordinal);
        QueueRow queue = Assert.Single(run.Table.Queues, q => q.Name == "redis");
        var published = BridgeLines.Publisher(run.Stdout);
        Assert.True(published.Balanced, run.Stdout);
        Assert.Equal(queue.Posted, published.Posted);
        Assert.True(published.Appended > 0 && published.DroppedUnreachable > queue.Dropped, run.Stdout);
        Assert.Equal((0L, 0L), (published.Waiting, published.Unencodable));
        // Calls in flight when the server died were sent but never answered: stderr counts them with the bridge line.
        string unconfirmed = $"{published.Unconfirmed} events it had sent were never answered and are counted as unconfirmed";
        if (published.Unconfirmed > 0) Assert.Contains(unconfirmed, run.Stderr, StringComparison.Ordinal);
        else Assert.DoesNotContain("never answered", run.Stderr, StringComparison.Ordinal);
    }
}
