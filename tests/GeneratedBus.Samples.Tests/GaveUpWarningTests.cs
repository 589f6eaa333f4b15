using System;
using GeneratedBus.Redis.Accounting;
using SparkScheduler.Redis;

namespace GeneratedBus.Samples.Tests;

/// <summary>The stderr line of a run that gave up on Redis: events sent but never answered are named apart from the dropped.</summary>
public sealed class GaveUpWarningTests
{
    private const string Dropped =
        "warning: Redis sent nothing for 10 s as the run ended; the events it had not sent are counted as dropped (unreachable).";

    [Fact]
    public void Without_unconfirmed_events_the_line_speaks_only_of_dropped_ones()
    {
        var run = new PublishedRun("s", "p", new RedisPublisherBalance(100, 60, 0, 40, 0, 0, 0, 0), EndMarked: false, GaveUp: true);

        Assert.Equal(Dropped, run.GaveUpWarning(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public void Unconfirmed_events_are_counted_in_a_sentence_of_their_own()
    {
        var run = new PublishedRun("s", "p", new RedisPublisherBalance(100, 50, 0, 40, 0, 0, 0, 10), EndMarked: false, GaveUp: true);

        Assert.Equal(
            Dropped + " 10 events it had sent were never answered and are counted as unconfirmed (the stream may hold them).",
            run.GaveUpWarning(TimeSpan.FromSeconds(10)));
    }
}
