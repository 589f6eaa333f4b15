using System;
using System.IO;
using GeneratedBus;
using GeneratedBus.EventLog.Replay;
using SparkScheduler.Events;
using SparkScheduler.Listeners;

namespace SparkScheduler.Replay;

/// <summary>
/// Replays one Spark event log with the runtime's <see cref="EventLogReplay"/> and the generated <c>SparkJsonCodec</c>:
/// every event goes, in order, to a bus whose <c>appStatus</c> queue holds a fresh <see cref="AppStatusListener"/>, as
/// the main job's does.
/// </summary>
/// <remarks>
/// Spark's rules, kept by the runtime: an unrecognised event name is counted and skipped, never resolved to a type; a
/// malformed line fails the replay with its number, except the last line of a log that may be truncated (<c>.inprogress</c>).
/// </remarks>
internal static class LogReplayer
{
    /// <exception cref="ReplayFailure">The log cannot be read, a line is malformed or over a limit, or the listener failed.</exception>
    public static LogSummary Replay(string path, EventLogReplayOptions options)
    {
        var listener = new AppStatusListener();
        var busOptions = new BusOptions { Name = "SparkSchedulerReplay", QueueFullMode = QueueFullMode.Wait };
        using var bus = new SparkBus(busOptions);
        bus.AddToQueue(listener, QueueNames.AppStatus);
        bus.Start();
        EventLogSummary log;
        try
        {
            log = EventLogReplay.Replay(path, SparkJsonCodec.Instance, bus.Post, options);
        }
        catch (EventLogFormatException e)
        {
            throw new ReplayFailure(e.Path, e.LineNumber, e.Reason);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new ReplayFailure(path, 0, e.Message);
        }
        finally
        {
            bus.Stop();
        }

        ListenerFailures(bus, path);
        return new LogSummary(path, log, listener.Store, listener.Summary());
    }

    // The listener's answers are only worth writing when it saw every event without throwing.
    private static void ListenerFailures(SparkBus bus, string path)
    {
        foreach (ListenerStats listener in bus.GetStats().Listeners.Values)
        {
            if (listener.Failures > 0)
            {
                throw new ReplayFailure(path, 0, $"the {listener.ListenerType.Name} failed on {listener.Failures} event(s); its answers would be incomplete");
            }
        }
    }
}
