using System;
using System.IO;
using System.Linq;
using System.Text;
using Acme.Scheduling;
using GeneratedBus.EventLog.Replay;
using GeneratedBus.Runtime.Tests.Support;
using Microsoft.Extensions.Logging;

namespace GeneratedBus.IntegrationTests.EventLog;

/// <summary>Spark's replay rules and every hostile line of issue 11 point 3, each with its exact outcome.</summary>
public sealed class EventLogReplayRulesTests : IDisposable
{
    private const string Job1 = "{\"Event\":\"JobStart\",\"JobId\":1,\"Time\":10}";
    private const string Job2 = "{\"Event\":\"JobEnd\",\"JobId\":1,\"Time\":20,\"Succeeded\":true}";
    private readonly EventLogFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Theory]
    [InlineData("{\"Event\":\"JobStart\",\"JobId\":1", "'1' is an invalid end of a number")]
    [InlineData("{\"Event\":\"JobStart\",\"JobId\":1,", "")]
    [InlineData("{\"Event\":\"JobStart\",\"JobId\":1,\"JobId\":2,\"Time\":1}", "\"JobId\" appears more than once")]
    [InlineData("{\"Event\":\"JobStart\",\"JobId\":99999999999,\"Time\":1}", "out of range for Int32")]
    [InlineData("{\"Event\":\"JobStart\",\"JobId\":1,\"Time\":1e400}", "out of range for Int64")]
    [InlineData("{\"Event\":\"JobStart\",\"JobId\":1,\"Time\":1} {}", "")]
    [InlineData("[1,2]", "not an object")]
    [InlineData("", "")]
    [InlineData("{\"JobId\":1}", "no \"Event\" property")]
    [InlineData("{\"Event\":\"HeartbeatEvent\"}", "\"ExecutorId\"")]
    public void A_malformed_middle_line_fails_with_its_line_number(string hostile, string reason)
    {
        string path = _files.WriteLines("middle.jsonl", true, Job1, hostile, Job2);
        var error = Assert.Throws<EventLogFormatException>(() => EventLogFiles.Replay(path));
        Assert.Equal(2, error.LineNumber);
        Assert.Equal(path, error.Path);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
        Assert.StartsWith($"{path}: line 2 is malformed: ", error.Message, StringComparison.Ordinal);

        // Even a log that may be truncated only forgives its last line.
        Assert.Equal(2, Assert.Throws<EventLogFormatException>(() => EventLogFiles.Replay(path, new EventLogReplayOptions { MayBeTruncated = true })).LineNumber);
    }

    [Fact]
    public void Invalid_utf8_fails_with_its_line_number()
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes(Job1 + "\n{\"Event\":\"HeartbeatEvent\",\"ExecutorId\":\""), 0xFF, 0xFE, .. Encoding.UTF8.GetBytes("\"}\n" + Job2 + "\n")];
        string path = _files.WriteBytes("utf8.jsonl", bytes);
        var error = Assert.Throws<EventLogFormatException>(() => EventLogFiles.Replay(path));
        Assert.Equal(2, error.LineNumber);
        Assert.Equal("The line is not valid UTF-8.", error.Reason);
    }

    [Fact]
    public void Nesting_deeper_than_MaxDepth_fails_even_in_a_skipped_member()
    {
        string deep = "{\"Event\":\"JobStart\",\"JobId\":1,\"Time\":1,\"Extra\":" + new string('[', 10) + new string(']', 10) + "}";
        string path = _files.WriteLines("deep.jsonl", true, Job1, deep, Job2);
        var options = new EventLogReplayOptions { Reader = new GeneratedBus.EventLog.EventJsonReaderOptions { MaxDepth = 8 } };
        var error = Assert.Throws<EventLogFormatException>(() => EventLogFiles.Replay(path, options));
        Assert.Equal(2, error.LineNumber);
        Assert.Contains("depth", error.Reason, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(3, EventLogFiles.Replay(path).Summary.Events);
    }

    [Fact]
    public void A_line_over_MaxLineBytes_fails_without_being_buffered_whole()
    {
        // 8 MiB of one line, no line break at all: the reader gives up after the limit.
        byte[] huge = new byte[8 * 1024 * 1024];
        huge.AsSpan().Fill((byte)'a');
        string path = _files.WriteBytes("long.jsonl", [.. Encoding.UTF8.GetBytes(Job1 + "\n"), .. huge]);
        long before = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<EventLogFormatException>(() => EventLogFiles.Replay(path, new EventLogReplayOptions { MaxLineBytes = 1_000 }));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(2, error.LineNumber);
        Assert.Equal("the line is longer than MaxLineBytes (1000 bytes).", error.Reason);
        Assert.True(allocated < 1024 * 1024, $"allocated {allocated} bytes");
    }

    [Fact]
    public void A_line_of_exactly_MaxLineBytes_is_read()
    {
        string path = _files.WriteLines("exact.jsonl", false, Job1);
        Assert.Equal(1, EventLogFiles.Replay(path, new EventLogReplayOptions { MaxLineBytes = Job1.Length }).Summary.Events);
        Assert.Throws<EventLogFormatException>(() => EventLogFiles.Replay(path, new EventLogReplayOptions { MaxLineBytes = Job1.Length - 1 }));
    }

    [Fact]
    public void A_truncated_last_line_fails_a_closed_log_and_is_skipped_in_one_that_may_be_truncated()
    {
        string truncated = Job2[..15];
        string closed = _files.WriteLines("closed.jsonl", false, Job1, truncated);
        var error = Assert.Throws<EventLogFormatException>(() => EventLogFiles.Replay(closed));
        Assert.Equal(2, error.LineNumber);

        string inProgress = _files.WriteLines("open.jsonl.inprogress", false, Job1, truncated);
        var logs = new CollectingLoggerFactory();
        var (summary, events) = EventLogFiles.Replay(inProgress, new EventLogReplayOptions { LoggerFactory = logs });
        Assert.Equal([new JobStart(1, 10)], events);
        Assert.Equal((2L, 1L, 1L, true), (summary.Lines, summary.Events, summary.MalformedLines, summary.MayBeTruncated));
        Assert.Equal(33, Assert.Single(logs.Entries).EventId.Id);

        var flagged = EventLogFiles.Replay(closed, new EventLogReplayOptions { MayBeTruncated = true }).Summary;
        Assert.Equal((1L, 1L), (flagged.Events, flagged.MalformedLines));
    }

    [Fact]
    public void Last_line_without_a_line_break_and_crlf_lines_are_read()
    {
        string path = _files.WriteBytes("crlf.jsonl", Encoding.UTF8.GetBytes(Job1 + "\r\n" + Job2));
        var (summary, events) = EventLogFiles.Replay(path);
        Assert.Equal([new JobStart(1, 10), new JobEnd(1, 20, true)], events);
        Assert.Equal((2L, 0L), (summary.Lines, summary.MalformedLines));
    }

    [Fact]
    public void Type_names_are_counted_as_unrecognised_and_logged_once_per_name()
    {
        string path = _files.WriteLines("types.jsonl", true,
            Job1,
            "{\"Event\":\"System.Diagnostics.Process\",\"StartInfo\":{\"FileName\":\"/bin/sh\"}}",
            "{\"Event\":\"java.lang.ProcessBuilder\",\"command\":[\"rm\",\"-rf\",\"/\"]}",
            "{\"Event\":\"System.Diagnostics.Process\"}",
            "{\"Event\":\"org.apache.spark.sql.execution.ui.SparkListenerSQLExecutionStart\",\"executionId\":0}",
            Job2);
        var logs = new CollectingLoggerFactory();
        var (summary, events) = EventLogFiles.Replay(path, new EventLogReplayOptions { LoggerFactory = logs });
        Assert.Equal(2, events.Count);
        Assert.Equal(2, summary.Unrecognised["System.Diagnostics.Process"]);
        Assert.Equal(1, summary.Unrecognised["java.lang.ProcessBuilder"]);
        Assert.Equal(1, summary.Unrecognised["org.apache.spark.sql.execution.ui.SparkListenerSQLExecutionStart"]);
        Assert.Equal(4, summary.UnrecognisedEvents);
        Assert.Equal(3, logs.Entries.Count(e => e.EventId.Id == 32));
        Assert.Contains(logs.Entries, e => e.Message.Contains("\"System.Diagnostics.Process\" (first at line 2)", StringComparison.Ordinal));
    }

    [Fact]
    public void Distinct_unrecognised_names_are_capped()
    {
        string[] lines = Enumerable.Range(0, EventLogReplayOptions.MaxDistinctUnrecognisedNames + 10).Select(i => $"{{\"Event\":\"Name{i}\"}}").ToArray();
        var summary = EventLogFiles.Replay(_files.WriteLines("names.jsonl", true, lines)).Summary;
        Assert.Equal(EventLogReplayOptions.MaxDistinctUnrecognisedNames + 1, summary.Unrecognised.Count);
        Assert.Equal(10, summary.Unrecognised[EventLogSummary.OtherNames]);
        Assert.Equal(lines.Length, summary.UnrecognisedEvents);
    }

    [Fact]
    public void A_gzip_log_is_detected_by_its_magic_bytes_and_corrupt_data_names_the_line()
    {
        using (var file = File.Create(_files.PathOf("noext.log")))
        using (var gzip = new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(Job1 + "\n" + Job2 + "\n"));
        }

        Assert.Equal(2, EventLogFiles.Replay(_files.PathOf("noext.log")).Summary.Events);

        byte[] corrupt = File.ReadAllBytes(_files.PathOf("noext.log"));
        corrupt[2] = 0; // the compression method: not deflate
        var error = Assert.Throws<EventLogFormatException>(() => EventLogFiles.Replay(_files.WriteBytes("corrupt.gz", corrupt)));
        Assert.Equal(1, error.LineNumber);
        Assert.StartsWith("the compressed data is corrupt", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Spark_codecs_that_replay_cannot_read_are_refused_by_name_and_missing_logs_are_clear()
    {
        string path = _files.WriteBytes("events_1_app.zstd", [1, 2, 3]);
        Assert.Contains("zstd", Assert.Throws<NotSupportedException>(() => EventLogFiles.Replay(path)).Message, StringComparison.Ordinal);
        Assert.Throws<FileNotFoundException>(() => EventLogFiles.Replay(_files.PathOf("absent.jsonl")));
        Directory.CreateDirectory(_files.PathOf("empty"));
        Assert.Throws<FileNotFoundException>(() => EventLogFiles.Replay(_files.PathOf("empty")));
    }
}
