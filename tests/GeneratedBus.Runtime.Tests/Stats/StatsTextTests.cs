using System;
using System.Collections.Generic;
using GeneratedBus.Runtime.Tests.Support;

namespace GeneratedBus.Runtime.Tests.Stats;

/// <summary>Stats print as readable tables, and a listener's mean time is reported (issue 14, point 7).</summary>
public class StatsTextTests
{
    private static readonly QueueStats Shared = new("shared", 10_000, 3, 1_234_567, 1_234_000, 564) { Skipped = 42_000 };
    private static readonly QueueStats Audit = new("audit", 16, 0, 20, 20, 0);
    private static readonly ListenerStats Fast = new(typeof(CollectingListener), 1_000, 0, TimeSpan.FromMilliseconds(2), TimeSpan.FromTicks(500));
    private static readonly ListenerStats Failing = new(typeof(ThrowingListener), 4, 4, TimeSpan.FromSeconds(6), TimeSpan.FromSeconds(3));

    [Fact]
    public void ListenerStats_has_the_mean_time_of_a_call_and_zero_before_the_first()
    {
        Assert.Equal(TimeSpan.FromMicroseconds(2), Fast.MeanTime);
        Assert.Equal(TimeSpan.FromSeconds(1.5), Failing.MeanTime);
        Assert.Equal(TimeSpan.Zero, new ListenerStats(typeof(CollectingListener), 0, 0, TimeSpan.Zero, TimeSpan.Zero).MeanTime);
    }

    [Fact]
    public void QueueStats_prints_a_header_and_its_row_aligned()
    {
        Assert.Equal(
            """
            queue   capacity  size     posted  processed  dropped  skipped
            shared    10,000     3  1,234,567  1,234,000      564   42,000
            """.ReplaceLineEndings(),
            Shared.ToString());
    }

    [Fact]
    public void ListenerStats_prints_a_header_and_its_row_with_times_in_readable_units()
    {
        Assert.Equal(
            """
            listener            events  failures  mean    max  total
            CollectingListener   1,000         0  2 µs  50 µs   2 ms
            """.ReplaceLineEndings(),
            Fast.ToString());
    }

    [Fact]
    public void BusStats_prints_its_totals_then_a_table_of_queues_and_one_of_listeners_each_sorted_by_name()
    {
        var stats = new BusStats(
            1_234_587,
            new Dictionary<string, QueueStats> { ["shared"] = Shared, ["audit"] = Audit },
            new Dictionary<Type, ListenerStats> { [typeof(ThrowingListener)] = Failing, [typeof(CollectingListener)] = Fast })
        {
            StartBufferDropped = 2,
        };

        Assert.Equal(
            """
            posted 1,234,587, dropped before Start 2, 2 queues, 2 listener types

            queue   capacity  size     posted  processed  dropped  skipped
            audit         16     0         20         20        0        0
            shared    10,000     3  1,234,567  1,234,000      564   42,000

            listener            events  failures   mean    max  total
            CollectingListener   1,000         0   2 µs  50 µs   2 ms
            ThrowingListener         4         4  1.5 s    3 s    6 s
            """.ReplaceLineEndings(),
            stats.ToString());
    }

    [Fact]
    public void The_stats_of_a_live_bus_print_every_queue_and_listener_by_name()
    {
        using var bus = new TestBus(TestOptions.Create());
        bus.AddToQueue(new CollectingListener(), "first");
        bus.AddToQueue(new OtherCollectingListener(), "second");
        bus.Start();
        bus.Post(new Ping(1));
        bus.Stop();

        string text = bus.GetStats().ToString();

        Assert.StartsWith("posted 1, dropped before Start 0, 2 queues, 2 listener types", text, StringComparison.Ordinal);
        Assert.Contains("first", text, StringComparison.Ordinal);
        Assert.Contains(nameof(OtherCollectingListener), text, StringComparison.Ordinal);
        Assert.DoesNotContain("System.Collections", text, StringComparison.Ordinal);
    }
}
