using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using Acme.Scheduling;
using GeneratedBus.EventLog;
using GeneratedBus.EventLog.Replay;
using GeneratedBus.EventLog.Writing;

namespace GeneratedBus.IntegrationTests.EventLog;

/// <summary>A temporary directory for a test's logs, deleted afterwards, and the helpers the event-log tests share.</summary>
internal sealed class EventLogFiles : IDisposable
{
    public EventLogFiles() => Directory.CreateDirectory(Root);

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "gb-eventlog-" + Guid.NewGuid().ToString("N"));

    public static SchedulerEvent[] SomeEvents(int count)
    {
        var events = new SchedulerEvent[count];
        for (int i = 0; i < count; i++)
        {
            events[i] = (i % 3) switch
            {
                0 => new JobStart(i, 1_000 + i),
                1 => new JobEnd(i, 2_000 + i, i % 2 == 0),
                _ => new HeartbeatEvent("executor-" + i),
            };
        }

        return events;
    }

    public static EventLogWriterOptions<SchedulerEvent> Options() => new() { BusName = "Scheduler" };

    public string PathOf(string name) => Path.Combine(Root, name);

    /// <summary>Writes <paramref name="lines"/> as a file, each followed by a line break unless <paramref name="lastNewline"/> is false.</summary>
    public string WriteLines(string name, bool lastNewline, params string[] lines)
    {
        string path = PathOf(name);
        string text = string.Join("\n", lines) + (lastNewline ? "\n" : "");
        File.WriteAllBytes(path, Encoding.UTF8.GetBytes(text));
        return path;
    }

    /// <summary>Writes raw bytes as a file.</summary>
    public string WriteBytes(string name, byte[] bytes)
    {
        string path = PathOf(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>Replays <paramref name="path"/> into a list.</summary>
    public static (EventLogSummary Summary, List<SchedulerEvent> Events) Replay(string path, EventLogReplayOptions? options = null)
    {
        var events = new List<SchedulerEvent>();
        EventLogSummary summary = EventLogReplay.Replay(path, SchedulerJsonCodec.Instance, events.Add, options);
        return (summary, events);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A temp directory left behind is harmless.
        }
    }
}

/// <summary>The listener the README shows: a firehose whose every event goes to the writer.</summary>
internal sealed class SchedulerEventLog(EventLogWriter<SchedulerEvent> log) : SchedulerFirehoseListener
{
    public override void OnEvent(SchedulerEvent e) => log.Write(e);
}
