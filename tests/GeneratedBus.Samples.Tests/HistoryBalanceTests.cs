using System;
using System.IO;
using GeneratedBus.Redis.Accounting;
using GeneratedBus.Samples.Tests.Support;
using SparkScheduler;
using SparkScheduler.Cli;
using SparkScheduler.Listeners;
using SparkScheduler.Redis;

namespace GeneratedBus.Samples.Tests;

/// <summary><c>history</c>'s bridge line balances only when the group's and the consumer's counts agree; otherwise it exits 1.</summary>
public sealed class HistoryBalanceTests
{
    private static readonly RedisSubscriberStats Consumer = new("g", "history", Delivered: 10, Processed: 10, Acknowledged: 10, Redeliveries: 0, Duplicates: 0, Gaps: 0, Undecodable: 0);

    private static HistoryBalance Balance(long appended, RedisGroupBalance server, RedisSubscriberStats consumer) => new("s", "g", appended, server, consumer);

    [Fact]
    public void Every_appended_entry_acknowledged_by_this_consumer_balances()
    {
        HistoryBalance balance = Balance(10, new RedisGroupBalance("g", 10, 0, 0), Consumer);

        Assert.True(balance.IsBalanced);
        Assert.Equal(
            "Redis bridge: stream s, group g: appended 10 = acknowledged 10 + pending 0 + unread 0; delivered 10, processed 10, duplicates 0, redeliveries 0, gaps 0, undecodable 0: balanced",
            balance.ToString());
        Assert.True(Balance(11, new RedisGroupBalance("g", 11, 0, 0), Consumer with { Undecodable = 1 }).IsBalanced);
    }

    [Theory]
    [InlineData(11, 10, 0, 0, 10, 10, 10)]  // an appended entry the group has nowhere
    [InlineData(11, 11, 0, 0, 10, 10, 10)]  // an acknowledgement that was not this consumer's
    [InlineData(10, 10, 0, 0, 10, 9, 10)]   // delivered, never processed
    [InlineData(10, 10, 0, 0, 10, 10, 9)]   // processed, never acknowledged
    public void Counts_that_disagree_do_not_balance(long appended, long acked, long pending, long unread, long delivered, long processed, long acknowledged)
    {
        HistoryBalance balance = Balance(appended, new RedisGroupBalance("g", acked, pending, unread),
            Consumer with { Delivered = delivered, Processed = processed, Acknowledged = acknowledged });

        Assert.False(balance.IsBalanced);
        Assert.EndsWith(": NOT BALANCED", balance.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void History_exits_1_when_the_bridge_does_not_balance_but_still_prints_and_writes_what_it_read()
    {
        using var dir = new TempDirectory();
        var listener = new AppStatusListener();
        HistoryBalance lost = Balance(12, new RedisGroupBalance("g", 10, 0, 1), Consumer); // one appended entry is nowhere
        var result = new HistoryResult(Ended: true, listener.Store, listener.Summary(), lost, ListenerFailures: 0, GroupFate.Kept);
        var options = new HistoryOptions(RedisAddress.Parse("127.0.0.1:1"), new RunStream("s"), dir.File("rest"), TimeSpan.FromSeconds(1));
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        int exit = SparkScheduler.Redis.HistoryCommand.Report(result, options, stdout, stderr);

        Assert.Equal(SparkSchedulerApp.Failure, exit);
        Assert.StartsWith("error: the Redis bridge does not balance: Redis bridge: stream s, group g: appended 12 = acknowledged 10 + pending 0 + unread 1", stderr.ToString(), StringComparison.Ordinal);
        Assert.Contains(lost.ToString(), stdout.ToString(), StringComparison.Ordinal);
        Assert.True(File.Exists(dir.File("rest/applications.json")));
        Assert.EndsWith("group g kept on {s}:stream for inspection (XINFO GROUPS {s}:stream, XPENDING {s}:stream g); XGROUP DESTROY {s}:stream g removes it" + Environment.NewLine, stdout.ToString(), StringComparison.Ordinal);
    }
}
