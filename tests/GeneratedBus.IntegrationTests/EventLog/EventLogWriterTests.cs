using System;
using System.Linq;
using System.Text;
using System.Threading;
using Acme.Scheduling;
using GeneratedBus.EventLog.Writing;
using GeneratedBus.Runtime.Tests.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace GeneratedBus.IntegrationTests.EventLog;

/// <summary>The writer's flushing, failures, and the closing record's count of what its queue dropped.</summary>
public sealed class EventLogWriterTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private readonly EventLogFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void The_log_start_record_is_flushed_at_once_and_events_wait_for_a_flush()
    {
        var stream = new RecordingStream();
        var log = new EventLogWriter<SchedulerEvent>(stream, "memory", SchedulerJsonCodec.Instance, EventLogFiles.Options());
        long start = stream.Written;
        Assert.True(start > 0);
        Assert.Equal(1, stream.Flushes);
        log.Write(new JobStart(1, 1));
        Assert.Equal(start, stream.Written);
        log.Flush();
        Assert.True(stream.Written > start);
        Assert.Equal(2, stream.Flushes);
        log.Close(0);
    }

    [Fact]
    public void FlushInterval_flushes_on_the_clock_and_only_when_something_is_new()
    {
        var clock = new FakeTimeProvider();
        var stream = new RecordingStream();
        var log = new EventLogWriter<SchedulerEvent>(stream, "memory", SchedulerJsonCodec.Instance, new EventLogWriterOptions<SchedulerEvent>
        {
            BusName = "Scheduler",
            FlushInterval = TimeSpan.FromSeconds(10),
            TimeProvider = clock,
        });
        long start = stream.Written;
        log.Write(new JobStart(1, 1));
        clock.Advance(TimeSpan.FromSeconds(9));
        Assert.Equal(start, stream.Written);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(stream.Written > start);
        Assert.Equal(2, stream.Flushes);

        clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(2, stream.Flushes);
        log.Close(0);
        clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(3, stream.Flushes);
    }

    [Fact]
    public void FlushOn_flushes_after_the_chosen_events_only()
    {
        var stream = new RecordingStream();
        var log = new EventLogWriter<SchedulerEvent>(stream, "memory", SchedulerJsonCodec.Instance, new EventLogWriterOptions<SchedulerEvent>
        {
            BusName = "Scheduler",
            FlushOn = e => e is JobEnd,
        });
        log.Write(new JobStart(1, 1));
        log.Write(new HeartbeatEvent("e"));
        Assert.Equal(1, stream.Flushes);
        log.Write(new JobEnd(1, 2, true));
        Assert.Equal(2, stream.Flushes);
        string text = Encoding.UTF8.GetString(stream.ToArray());
        Assert.EndsWith("{\"Event\":\"JobEnd\",\"JobId\":1,\"Time\":2,\"Succeeded\":true}\n", text, StringComparison.Ordinal);
        log.Close(0);
    }

    [Fact]
    public void A_failing_file_is_counted_and_logged_once_and_the_bus_keeps_running()
    {
        var stream = new RecordingStream();
        var logs = new CollectingLoggerFactory();
        var log = new EventLogWriter<SchedulerEvent>(stream, "memory", SchedulerJsonCodec.Instance, new EventLogWriterOptions<SchedulerEvent>
        {
            BusName = "Scheduler",
            FlushOn = _ => true,
            LoggerFactory = logs,
        });
        var other = new Firehose();
        using var bus = new SchedulerBus();
        bus.AddToQueue(new SchedulerEventLog(log), "eventLog");
        bus.AddToSharedQueue(other);
        bus.Start();
        bus.Post(new JobStart(1, 1));
        bus.WaitUntilEmpty(Deadline);
        stream.Fail = true;
        for (int i = 0; i < 5; i++)
        {
            bus.Post(new JobStart(i + 2, 1));
        }

        bus.WaitUntilEmpty(Deadline);
        stream.Fail = false;
        bus.Post(new JobEnd(1, 2, true));
        bus.Stop();
        log.Close(bus.GetStats(), "eventLog");

        Assert.Equal(7, other.Seen.Count);
        Assert.Equal(new EventLogWriterStats(2, 0, log.GetStats().BytesWritten, 5), log.GetStats());
        Assert.Equal(0, bus.GetStats().Listeners.Values.Sum(l => l.Failures));
        Assert.Single(logs.Entries, e => e.EventId.Id == 30);
        Assert.Single(logs.Entries, e => e.EventId.Id == 31 && e.Message.Contains("5 event(s) it could not write", StringComparison.Ordinal));
        string last = Encoding.UTF8.GetString(stream.ToArray()).TrimEnd('\n').Split('\n')[^1];
        Assert.Equal("{\"Event\":\"GeneratedBus.LogEnd\",\"EventsWritten\":2,\"EventsDropped\":0,\"WriteFailures\":5}", last);
    }

    [Fact]
    public void An_event_the_codec_refuses_and_writes_after_close_are_counted_not_thrown()
    {
        var stream = new RecordingStream();
        var log = new EventLogWriter<SchedulerEvent>(stream, "memory", SchedulerJsonCodec.Instance, EventLogFiles.Options());
        log.Write(new UnknownToTheCodec());
        log.Write(null!);
        log.Close(0);
        log.Write(new JobStart(1, 1));
        Assert.Equal(new EventLogWriterStats(0, 0, log.GetStats().BytesWritten, 3), log.GetStats());
        Assert.True(log.IsClosed);
    }

    [Fact]
    public void The_closing_record_counts_what_a_real_queue_dropped()
    {
        string path = _files.PathOf("dropped.jsonl");
        var log = new EventLogWriter<SchedulerEvent>(path, SchedulerJsonCodec.Instance, EventLogFiles.Options());
        using var gate = new ManualResetEventSlim();
        var options = new BusOptions();
        options.QueueCapacities["eventLog"] = 4;
        using var bus = new SchedulerBus(options);
        bus.AddToQueue(new GatedEventLog(log, gate), "eventLog");
        bus.Start();
        for (int i = 0; i < 100; i++)
        {
            bus.Post(new JobStart(i, i));
        }

        gate.Set();
        bus.Stop();
        long dropped = bus.GetStats().Queues["eventLog"].Dropped;
        Assert.True(dropped > 0, "the queue dropped");
        log.Close(bus.GetStats(), "eventLog");

        var (summary, events) = EventLogFiles.Replay(path);
        Assert.Equal(100 - dropped, events.Count);
        Assert.Equal(new GeneratedBus.EventLog.EventLogEnd(100 - dropped, dropped, 0), summary.End);
        Assert.False(summary.IsComplete);
    }

    [Fact]
    [Trait("Category", "Stress")]
    public void Interval_flushes_racing_writes_lose_and_tear_no_line()
    {
        string path = _files.PathOf("stress.jsonl");
        var log = new EventLogWriter<SchedulerEvent>(path, SchedulerJsonCodec.Instance, new EventLogWriterOptions<SchedulerEvent>
        {
            BusName = "Scheduler",
            FlushInterval = TimeSpan.FromMilliseconds(1),
        });
        SchedulerEvent[] events = EventLogFiles.SomeEvents(Environment.GetEnvironmentVariable("CI") == "true" ? 20_000 : 200_000);
        using var stop = new CancellationTokenSource(Deadline);
        var flusher = new Thread(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                log.Flush();
            }
        });
        flusher.Start();
        foreach (SchedulerEvent e in events)
        {
            log.Write(e);
        }

        stop.Cancel();
        Assert.True(flusher.Join(Deadline));
        log.Close(0);
        var (summary, replayed) = EventLogFiles.Replay(path);
        Assert.Equal(events, replayed);
        Assert.True(summary.IsComplete);
        Assert.Equal(events.Length, log.GetStats().EventsWritten);
    }

    private sealed record UnknownToTheCodec : SchedulerEvent;

    private sealed class GatedEventLog(EventLogWriter<SchedulerEvent> log, ManualResetEventSlim gate) : SchedulerFirehoseListener
    {
        public override void OnEvent(SchedulerEvent e)
        {
            // Held until the queue has overflowed; the deadline only keeps a broken test from hanging.
            _ = gate.Wait(Deadline);
            log.Write(e);
        }
    }
}
