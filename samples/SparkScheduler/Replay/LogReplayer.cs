using System;
using System.Collections.Generic;
using System.IO;
using GeneratedBus;
using GeneratedBus.EventLog;
using SparkScheduler.Events;
using SparkScheduler.Listeners;

namespace SparkScheduler.Replay;

/// <summary>
/// Replays one Spark event log: reads it line by line with the generated codec and posts every event, in order, to a
/// bus whose <c>appStatus</c> queue holds a fresh <see cref="AppStatusListener"/>, as the main job's does.
/// </summary>
/// <remarks>
/// Spark's rules: an unrecognised event name is counted and skipped, never resolved to a type; a malformed line fails
/// the replay with its number, except the last line of an in-progress log (<c>.inprogress</c>), which may be cut off.
/// </remarks>
internal static class LogReplayer
{
    private const string InProgressSuffix = ".inprogress";

    /// <exception cref="ReplayFailure">The log cannot be read, a line is malformed, or a line is over the limit.</exception>
    public static LogSummary Replay(string path, int maxLineBytes, EventJsonReaderOptions options)
    {
        var listener = new AppStatusListener();
        var unrecognised = new SortedDictionary<string, long>(StringComparer.Ordinal);
        long events = 0;
        bool truncated = false;
        var busOptions = new BusOptions { Name = "SparkSchedulerReplay", QueueFullMode = QueueFullMode.Wait };
        using var bus = new SparkBus(busOptions);
        bus.AddToQueue(listener, QueueNames.AppStatus);
        bus.Start();
        long lines;
        try
        {
            using FileStream file = File.OpenRead(path);
            using var reader = new LogLineReader(file, maxLineBytes);
            while (true)
            {
                LogLine line;
                try
                {
                    if (!reader.TryRead(out line))
                    {
                        break;
                    }
                }
                catch (InvalidDataException e)
                {
                    throw new ReplayFailure(path, reader.LineNumber + 1, e.Message);
                }

                EventReadResult<SparkListenerEvent> result = SparkJsonCodec.Instance.Read(line.Bytes, options);
                switch (result.Status)
                {
                    case EventReadStatus.Ok:
                        bus.Post(result.Event!);
                        events++;
                        break;
                    case EventReadStatus.Unrecognised:
                        unrecognised[result.Name!] = unrecognised.GetValueOrDefault(result.Name!) + 1;
                        break;
                    default:
                        long number = line.Number;
                        if (path.EndsWith(InProgressSuffix, StringComparison.Ordinal) && !reader.TryRead(out _))
                        {
                            // The writer was still appending: its last line may be cut off, and is left out.
                            truncated = true;
                            break;
                        }

                        throw new ReplayFailure(path, number, result.Reason!);
                }
            }

            lines = reader.LineNumber;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ReplayFailure(path, 0, e.Message);
        }
        finally
        {
            bus.Stop();
        }

        ListenerFailures(bus, path);
        return new LogSummary(path, lines, events, unrecognised, truncated, listener.Store);
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
