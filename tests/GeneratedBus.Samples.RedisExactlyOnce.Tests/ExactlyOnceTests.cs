using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using GeneratedBus.Redis;
using GeneratedBus.Redis.Accounting;
using GeneratedBus.Redis.Tests.Support;
using GeneratedBus.Samples.RedisExactlyOnce.Tests.Support;
using GeneratedBus.Samples.Worker.Tests.Support;
using GeneratedBus.Tests.Shared;
using RedisExactlyOnce;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace GeneratedBus.Samples.RedisExactlyOnce.Tests;

/// <summary>
/// Issue 13's exactly-once effects: the sample's consumer, a real process writing its effects to SQLite, is killed
/// with kill -9 mid-stream and restarted. Every event is in the database exactly once, and the entries it had applied
/// but not acknowledged came back and were skipped, counted.
/// </summary>
public sealed class ExactlyOnceTests(ITestOutputHelper output)
{
    private const int Producers = 2;
    private const long EventsPerProducer = 1_500;
    private const long StallAfter = 300;

    // Guards against a hang, not timing assertions: a run takes a few seconds.
    private static readonly TimeSpan s_deadline = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_consumer_killed_mid_stream_and_restarted_applies_every_event_exactly_once_and_skips_what_it_had_applied()
    {
        using RedisServer? redis = RedisServer.StartOrSkip(output);
        if (redis is null)
        {
            return;
        }

        using var dir = new TempDirectory();
        string db = dir.File("ledger.db");
        string server = $"127.0.0.1:{redis.Port}";
        var database = new LedgerDatabase(db);
        const long total = Producers * EventsPerProducer;

        // Run 1: consumes until it has applied StallAfter effects, then hangs in its listener (that effect committed,
        // never acknowledged; the entries behind it read but not processed), and is killed there, mid-stream.
        using (SampleProcess first = SampleProcess.Start("RedisExactlyOnce.dll", dir.Path, "consume", "--redis", server, "--db", db, "--batch", "50", "--stall-after", $"{StallAfter}"))
        {
            Assert.True(first.WaitUntil(() => first.LinesWith("Consuming").Length > 0, s_deadline), "the consumer did not start:\n" + first.Log);
            List<SampleProcess> producers = Enumerable.Range(1, Producers)
                .Select(p => SampleProcess.Start("RedisExactlyOnce.dll", dir.Path, "produce", "--redis", server, "--producer", $"p{p}", "--count", $"{EventsPerProducer}"))
                .ToList();
            try
            {
                Assert.True(first.WaitUntil(() => first.LinesWith("Stalled after").Length > 0, s_deadline), "the consumer did not reach its stall:\n" + first.Log);
                first.KillHard(s_deadline);
                Assert.Equal(StallAfter, database.Effects());
                foreach (SampleProcess producer in producers)
                {
                    Assert.True(producer.WaitForExit(s_deadline), "a producer did not finish:\n" + producer.Log);
                    Assert.True(producer.ExitCode == 0, $"a producer did not append every event (exit {producer.ExitCode}):\n" + producer.Log);
                }
            }
            finally
            {
                producers.ForEach(p => p.Dispose());
            }
        }

        // Run 2: the same consumer name re-reads its pending entries first, then the rest, and stops once all are applied.
        using SampleProcess second = SampleProcess.Start("RedisExactlyOnce.dll", dir.Path, "consume", "--redis", server, "--db", db, "--batch", "50", "--until", $"{total}");
        Assert.True(second.WaitForExit(s_deadline), "the restarted consumer did not finish:\n" + second.Log);
        Assert.True(second.ExitCode == 0, $"exit code {second.ExitCode}:\n" + second.Log);

        // Exactly once, read from the database itself: every (producer, sequence) has one row, no other rows exist,
        // the balances are what the producers' events add up to, and each producer's progress is its last event.
        Dictionary<(string Producer, long Sequence), long> rows = database.RowsPerEvent();
        var expected = Enumerable.Range(1, Producers)
            .SelectMany(p => Enumerable.Range(1, (int)EventsPerProducer).Select(i => ($"p{p}", (long)i)))
            .ToHashSet();
        Assert.Empty(rows.Where(r => r.Value != 1).Select(r => $"{r.Key} has {r.Value} rows"));
        Assert.Empty(expected.Except(rows.Keys).Take(10));
        Assert.Empty(rows.Keys.Except(expected).Take(10));
        Assert.Equal(total, database.Effects());
        long perProducer = Enumerable.Range(1, (int)EventsPerProducer).Sum(i => EffectStore.ChangeOf(Ledger.EventAt(i)));
        Assert.Equal(Producers * perProducer, database.TotalBalance());
        Assert.All(database.Progress(), p => Assert.Equal(EventsPerProducer, p.Value));

        // The redeliveries happened and were skipped: at least the stalled effect came back, and the restart counted
        // what it skipped (and the database, over both runs, the same).
        RunLine run = RunLine.Of(second);
        Assert.True(run.Skipped >= 1, "the restart skipped nothing: the stalled, unacknowledged effect was not redelivered:\n" + second.Log);
        Assert.True(run.Redelivered >= run.Skipped, $"skipped {run.Skipped} of only {run.Redelivered} redelivered:\n" + second.Log);
        Assert.Equal(total - StallAfter, run.Applied);
        Assert.Equal(run.Skipped, database.Skipped());

        // And the stream balances for the group: every appended entry acknowledged, none pending or unread.
        using ConnectionMultiplexer connection = redis.Connect();
        RedisStreamBalance balance = await RedisStreamBalance.ReadAsync(connection.GetDatabase(), new RedisStreamKeys(Ledger.DefaultStream));
        Assert.Equal(total, balance.Appended);
        RedisGroupBalance group = Assert.Single(balance.Groups);
        Assert.Equal((total, 0L, 0L), (group.Acknowledged, group.Pending, group.Unread));
        output.WriteLine(second.Log);
    }

    /// <summary>The numbers of the consumer's <c>Exactly once:</c> line.</summary>
    private sealed record RunLine(long Applied, long Skipped, long Redelivered)
    {
        private static readonly Regex s_pattern = new(@"Exactly once: applied (\d+), skipped (\d+) \(already applied\); redelivered (\d+),", RegexOptions.CultureInvariant);

        public static RunLine Of(SampleProcess consumer)
        {
            string line = Assert.Single(consumer.LinesWith("Exactly once:"));
            Match m = s_pattern.Match(line);
            Assert.True(m.Success, "the consumer's line does not read as expected: " + line);
            return new RunLine(long.Parse(m.Groups[1].Value), long.Parse(m.Groups[2].Value), long.Parse(m.Groups[3].Value));
        }
    }
}
