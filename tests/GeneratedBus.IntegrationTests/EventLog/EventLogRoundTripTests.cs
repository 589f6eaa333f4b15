using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Acme.Scheduling;
using GeneratedBus.EventLog;
using GeneratedBus.EventLog.Replay;
using GeneratedBus.EventLog.Writing;

namespace GeneratedBus.IntegrationTests.EventLog;

/// <summary>What the writer writes, replay reads back: plain, compressed, rolled; names, records and stats.</summary>
public sealed class EventLogRoundTripTests : IDisposable
{
    private readonly EventLogFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Theory]
    [InlineData(EventLogCompression.None, "app.jsonl")]
    [InlineData(EventLogCompression.GZip, "app.jsonl.gz")]
    [InlineData(EventLogCompression.Brotli, "app.jsonl.br")]
    public void Round_trip_posts_every_event_in_order_with_the_records(EventLogCompression compression, string finalName)
    {
        SchedulerEvent[] events = EventLogFiles.SomeEvents(1_000);
        using var log = new EventLogWriter<SchedulerEvent>(_files.PathOf("b.jsonl"), SchedulerJsonCodec.Instance, new EventLogWriterOptions<SchedulerEvent> { BusName = "Scheduler", Compression = compression });
        string expectedPath = _files.PathOf("b" + finalName[3..]);
        Assert.Equal(expectedPath, log.Path);
        Assert.True(File.Exists(expectedPath + EventLogFormat.InProgressSuffix), "open under its in-progress name");
        Assert.False(File.Exists(expectedPath));
        foreach (SchedulerEvent e in events)
        {
            log.Write(e);
        }

        log.Close(eventsDropped: 3);
        Assert.True(File.Exists(expectedPath), "renamed on close");
        Assert.False(File.Exists(expectedPath + EventLogFormat.InProgressSuffix));

        var (summary, replayed) = EventLogFiles.Replay(expectedPath);
        Assert.Equal(events, replayed);
        Assert.Equal(1_000, summary.Events);
        Assert.Equal(1_002, summary.Lines);
        Assert.Equal(new EventLogStart(EventLogFormat.Version, "Scheduler", summary.Start!.WriterVersion), summary.Start);
        Assert.False(string.IsNullOrEmpty(summary.Start.WriterVersion));
        Assert.Equal(new EventLogEnd(1_000, 3, 0), summary.End);
        Assert.False(summary.IsComplete);
        Assert.False(summary.MayBeTruncated);
        Assert.Empty(summary.Unrecognised);
        EventLogWriterStats stats = log.GetStats();
        Assert.Equal((1_000L, 0L, 0L), (stats.EventsWritten, stats.EventsSkipped, stats.WriteFailures));
        Assert.True(stats.BytesWritten > 1_000 * 20, $"{stats.BytesWritten} bytes");
    }

    [Fact]
    public void A_log_larger_than_the_readers_first_buffer_replays_whole()
    {
        // 20,000 short lines (about a megabyte): the reader moves partial lines to the front and reads again many times.
        string[] lines = Enumerable.Range(0, 20_000).Select(i => $"{{\"Event\":\"JobStart\",\"JobId\":{i},\"Time\":{1_700_000_000_000 + i}}}").ToArray();
        string path = _files.WriteLines("large.jsonl", lastNewline: true, lines);

        var (summary, replayed) = EventLogFiles.Replay(path);

        Assert.Equal(20_000, summary.Events);
        Assert.Equal(Enumerable.Range(0, 20_000), replayed.Cast<JobStart>().Select(j => j.JobId));
    }

    [Fact]
    public void Plain_log_bytes_are_the_lines_and_stats_count_them()
    {
        string path = _files.PathOf("plain.jsonl");
        var log = new EventLogWriter<SchedulerEvent>(path, SchedulerJsonCodec.Instance, EventLogFiles.Options());
        log.Write(new JobStart(7, 1_700_000_000_000));
        log.Close(0);

        string[] lines = File.ReadAllLines(path);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("{\"Event\":\"GeneratedBus.LogStart\",\"FormatVersion\":1,\"Bus\":\"Scheduler\",\"WriterVersion\":", lines[0], StringComparison.Ordinal);
        Assert.Equal("{\"Event\":\"JobStart\",\"JobId\":7,\"Time\":1700000000000}", lines[1]);
        Assert.Equal("{\"Event\":\"GeneratedBus.LogEnd\",\"EventsWritten\":1,\"EventsDropped\":0,\"WriteFailures\":0}", lines[2]);
        Assert.Equal(new EventLogWriterStats(1, 0, new FileInfo(path).Length, 0), log.GetStats());
        Assert.True(EventLogFiles.Replay(path).Summary.IsComplete);
    }

    [Fact]
    public void Dispose_without_close_writes_dropped_as_unknown()
    {
        string path = _files.PathOf("disposed.jsonl");
        new EventLogWriter<SchedulerEvent>(path, SchedulerJsonCodec.Instance, EventLogFiles.Options()).Dispose();
        Assert.EndsWith("\"EventsDropped\":null,\"WriteFailures\":0}", File.ReadAllLines(path)[^1], StringComparison.Ordinal);
        EventLogSummary summary = EventLogFiles.Replay(path).Summary;
        Assert.Equal(new EventLogEnd(0, null, 0), summary.End);
        Assert.False(summary.IsComplete);
    }

    [Fact]
    public void An_existing_log_is_not_replaced_unless_asked()
    {
        string path = _files.WriteLines("taken.jsonl", true, "{}");
        Assert.Throws<IOException>(() => new EventLogWriter<SchedulerEvent>(path, SchedulerJsonCodec.Instance, EventLogFiles.Options()));
        Assert.Equal("{}\n", File.ReadAllText(path));
        var log = new EventLogWriter<SchedulerEvent>(path, SchedulerJsonCodec.Instance, new EventLogWriterOptions<SchedulerEvent> { BusName = "Scheduler", Overwrite = true });
        log.Close(0);
        Assert.Equal(0, EventLogFiles.Replay(path).Summary.Events);
    }

    [Theory]
    [InlineData(EventLogCompression.None)]
    [InlineData(EventLogCompression.GZip)]
    [InlineData(EventLogCompression.Brotli)]
    public void Rolled_log_is_a_directory_of_parts_with_a_status_marker(EventLogCompression compression)
    {
        string dir = _files.PathOf("rolled");
        SchedulerEvent[] events = EventLogFiles.SomeEvents(500);
        var log = new EventLogWriter<SchedulerEvent>(dir, SchedulerJsonCodec.Instance, new EventLogWriterOptions<SchedulerEvent> { BusName = "Scheduler", Compression = compression, RollAtBytes = 2_000 });
        Assert.True(File.Exists(Path.Combine(dir, "appstatus.inprogress")));
        foreach (SchedulerEvent e in events)
        {
            log.Write(e);
        }

        // Replayed while open: the marker says it may be truncated.
        log.Flush();
        Assert.True(EventLogFiles.Replay(dir).Summary.MayBeTruncated);

        log.Close(0);
        Assert.True(File.Exists(Path.Combine(dir, "appstatus")));
        Assert.False(File.Exists(Path.Combine(dir, "appstatus.inprogress")));
        string[] parts = Directory.GetFiles(dir, "events_*");
        Assert.True(parts.Length >= 10, $"{parts.Length} parts");

        var (summary, replayed) = EventLogFiles.Replay(dir);
        Assert.Equal(events, replayed);
        Assert.Equal(parts.Length, summary.Files.Count);
        Assert.EndsWith("events_1.jsonl" + (compression switch { EventLogCompression.GZip => ".gz", EventLogCompression.Brotli => ".br", _ => "" }), summary.Files[0], StringComparison.Ordinal);
        Assert.Equal(EventLogFormat.PartName(parts.Length) + Path.GetExtension(summary.Files[0]).Replace(".jsonl", "", StringComparison.Ordinal), Path.GetFileName(summary.Files[^1]));
        Assert.True(summary.IsComplete);
        Assert.False(summary.MayBeTruncated);
    }

    [Fact]
    public void Include_writes_only_chosen_types_and_counts_the_rest()
    {
        string path = _files.PathOf("jobs.jsonl");
        var log = new EventLogWriter<SchedulerEvent>(path, SchedulerJsonCodec.Instance, new EventLogWriterOptions<SchedulerEvent> { BusName = "Scheduler", Include = e => e is JobStart or JobEnd });
        foreach (SchedulerEvent e in EventLogFiles.SomeEvents(30))
        {
            log.Write(e);
        }

        log.Close(0);
        Assert.Equal(20, log.GetStats().EventsWritten);
        Assert.Equal(10, log.GetStats().EventsSkipped);
        var (_, replayed) = EventLogFiles.Replay(path);
        Assert.Equal(EventLogFiles.SomeEvents(30).Where(e => e is not HeartbeatEvent), replayed);
    }

    [Fact]
    public async Task ReplayAsync_posts_to_a_live_bus_through_PostAsync()
    {
        string path = _files.PathOf("async.jsonl.gz");
        var log = new EventLogWriter<SchedulerEvent>(path, SchedulerJsonCodec.Instance, new EventLogWriterOptions<SchedulerEvent> { BusName = "Scheduler", Compression = EventLogCompression.GZip });
        SchedulerEvent[] events = EventLogFiles.SomeEvents(100);
        foreach (SchedulerEvent e in events)
        {
            log.Write(e);
        }

        log.Close(0);
        var firehose = new Firehose();
        await using var bus = new SchedulerBus();
        bus.AddToSharedQueue(firehose);
        bus.Start();
        EventLogSummary summary = await EventLogReplay.ReplayAsync(path, SchedulerJsonCodec.Instance, bus.PostAsync, cancellationToken: CancellationToken.None);
        await bus.StopAsync(CancellationToken.None);
        Assert.Equal(100, summary.Events);
        Assert.Equal(events, firehose.Seen);
    }

    [Theory]
    [InlineData(EventLogCompression.GZip, ".gz")]
    [InlineData(EventLogCompression.Brotli, ".br")]
    public void A_compressed_log_cut_short_replays_to_its_cut_when_in_progress_and_fails_otherwise(EventLogCompression compression, string extension)
    {
        var log = new EventLogWriter<SchedulerEvent>(_files.PathOf("whole.jsonl"), SchedulerJsonCodec.Instance, new EventLogWriterOptions<SchedulerEvent> { BusName = "Scheduler", Compression = compression });
        SchedulerEvent[] events = EventLogFiles.SomeEvents(2_000);
        foreach (SchedulerEvent e in events)
        {
            log.Write(e);
        }

        log.Close(0);
        byte[] whole = File.ReadAllBytes(log.Path);
        string cut = _files.WriteBytes("cut.jsonl" + extension + EventLogFormat.InProgressSuffix, whole[..(whole.Length / 2)]);

        var (summary, replayed) = EventLogFiles.Replay(cut);
        Assert.Equal(1, summary.MalformedLines);
        Assert.Null(summary.End);
        Assert.InRange(replayed.Count, 100, 1_900);
        Assert.Equal(events.Take(replayed.Count), replayed);

        string closed = _files.WriteBytes("closed.jsonl" + extension, whole[..(whole.Length / 2)]);
        Assert.Equal(summary.Lines, Assert.Throws<EventLogFormatException>(() => EventLogFiles.Replay(closed)).LineNumber);
    }

    [Fact]
    public async Task ReplayAsync_stops_when_cancelled_and_reads_lines_as_Replay_does()
    {
        string path = _files.WriteLines("three.jsonl", true,
            "{\"Event\":\"JobStart\",\"JobId\":1,\"Time\":10}",
            "{\"Event\":\"GeneratedBus.LogEnd\",\"EventsWritten\":\"many\"}",
            "{\"Event\":\"JobStart\",\"JobId\":2,\"Time\":10}");
        var error = await Assert.ThrowsAsync<EventLogFormatException>(() => EventLogReplay.ReplayAsync(path, SchedulerJsonCodec.Instance, _ => { }));
        Assert.Equal(2, error.LineNumber);
        Assert.Contains("a number", error.Reason, StringComparison.Ordinal);

        using var cancelled = new CancellationTokenSource();
        int posted = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => EventLogReplay.ReplayAsync(path, SchedulerJsonCodec.Instance, (e, token) =>
        {
            posted++;
            cancelled.Cancel();
            return ValueTask.CompletedTask;
        }, cancellationToken: cancelled.Token));
        Assert.Equal(1, posted);
    }

    [Fact]
    public void Close_with_stats_of_a_bus_without_the_queue_throws_and_the_replayed_log_cannot_say_it_is_complete()
    {
        string path = _files.PathOf("noqueue.jsonl");
        var log = new EventLogWriter<SchedulerEvent>(path, SchedulerJsonCodec.Instance, EventLogFiles.Options());
        using var bus = new SchedulerBus();
        Assert.Throws<ArgumentException>(() => log.Close(bus.GetStats(), "eventLog"));
        EventLogSummary summary = EventLogFiles.Replay(path).Summary;
        Assert.Equal(new EventLogEnd(0, null, 0), summary.End);
        Assert.False(summary.IsComplete);
    }
}
