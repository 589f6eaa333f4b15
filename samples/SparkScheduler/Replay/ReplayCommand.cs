using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using GeneratedBus.EventLog.Replay;
using SparkScheduler.Cli;
using SparkScheduler.Listeners.AppStatus;
using SparkScheduler.Listeners.AppStatus.Rest;
using SparkScheduler.Reporting;

namespace SparkScheduler.Replay;

/// <summary>
/// <c>replay &lt;log&gt;... --rest-out &lt;dir&gt;</c>: replays Spark event logs and writes what the History Server
/// answers for them, with a summary per log on stdout.
/// </summary>
internal static class ReplayCommand
{
    /// <summary>Runs the command with its arguments (after <c>replay</c>).</summary>
    /// <returns>0, 1 (a log failed, or the output could not be written) or 2 (bad arguments).</returns>
    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        ReplayOptions options;
        try
        {
            options = ReplayOptionsParser.Parse(args);
        }
        catch (UsageException e)
        {
            return CommandEnd.BadArguments(stderr, e, ReplayOptionsParser.Usage());
        }

        if (options.Help)
        {
            stdout.Write(ReplayOptionsParser.Usage());
            return SparkSchedulerApp.Success;
        }

        var summaries = new List<LogSummary>();
        try
        {
            foreach (string log in options.Logs)
            {
                LogSummary summary = LogReplayer.Replay(log, new EventLogReplayOptions { MaxLineBytes = options.MaxLineBytes });
                Print(stdout, summary);
                summaries.Add(summary);
            }

            CheckAttempts(summaries);
            string folder = Path.GetFullPath(options.RestOut);
            RestOutput.Write(folder, summaries.Select(s => s.Store).ToArray());
            stdout.WriteLine("REST files: " + folder);
            return SparkSchedulerApp.Success;
        }
        catch (ReplayFailure e)
        {
            stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"error: {e.Path}: line {e.Line}: {TerminalText.Safe(e.Reason)}"));
            return SparkSchedulerApp.Failure;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            stderr.WriteLine("error: " + TerminalText.Safe(e.Message));
            return SparkSchedulerApp.Failure;
        }
        catch (Exception e)
        {
            return CommandEnd.Unexpected(stderr, "the replay", e);
        }
    }

    private static void Print(TextWriter o, LogSummary s)
    {
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{s.Path}: {s.Log.Lines} lines, {s.Log.Events} events, {s.Log.UnrecognisedEvents} unrecognised"));
        o.WriteLine(ApplicationLine.Of(s.Store) ?? "  no SparkListenerApplicationStart: the log holds no application, and adds none to the REST files");

        foreach ((string name, long count) in s.Log.Unrecognised.OrderBy(u => u.Key, StringComparer.Ordinal))
        {
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  unrecognised {TerminalText.Safe(name)}: {count}"));
        }

        if (s.Log.MalformedLines > 0)
        {
            o.WriteLine("  the last line was cut off (the log is in progress) and is left out");
        }

        if (s.Log.End is { IsComplete: false } end)
        {
            o.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  the log is incomplete: its writer's queue dropped {end.EventsDropped?.ToString(CultureInfo.InvariantCulture) ?? "an unknown number of"} event(s) and {end.WriteFailures} write(s) failed"));
        }

        // The main job's own log: the same listener prints the run's section, identical when the log is complete.
        if (s.WrittenByTheMainJob)
        {
            o.WriteLine();
            ResultTable.WriteAppStatus(o, s.Status);
            o.WriteLine();
        }
    }

    // Each log is one attempt: two logs of the same attempt would overwrite each other's answers.
    private static void CheckAttempts(List<LogSummary> summaries)
    {
        var seen = new Dictionary<(string, string?), string>();
        foreach (LogSummary s in summaries)
        {
            if (s.Store.Application is not { } app)
            {
                continue;
            }

            if (!seen.TryAdd((app.AppId, app.AttemptId), s.Path))
            {
                string attempt = app.AttemptId is null ? "with no attempt id" : $"attempt {TerminalText.Safe(app.AttemptId)}";
                throw new ReplayFailure(s.Path, 0, $"application {TerminalText.Safe(app.AppId)} {attempt} is also in {seen[(app.AppId, app.AttemptId)]}: give each attempt once");
            }
        }
    }
}
