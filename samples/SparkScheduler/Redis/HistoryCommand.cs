using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using SparkScheduler.Cli;
using SparkScheduler.Listeners.AppStatus.Rest;
using SparkScheduler.Reporting;
using StackExchange.Redis;

namespace SparkScheduler.Redis;

/// <summary>
/// <c>history --redis &lt;host:port&gt; --rest-out &lt;dir&gt;</c>: a second process that reads the run's stream (see
/// <see cref="HistoryReader"/>), prints the run's "App status" section and the bridge line, and writes the REST files
/// <c>replay</c> writes for the run's event log.
/// </summary>
internal static class HistoryCommand
{
    /// <summary>Runs the command with its arguments (after <c>history</c>).</summary>
    /// <returns>0; 1 (the bridge does not balance, the timeout passed, or a failure); 2 (bad arguments, Redis unreachable).</returns>
    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        HistoryOptions options;
        try
        {
            options = HistoryOptionsParser.Parse(args);
        }
        catch (UsageException e)
        {
            return CommandEnd.BadArguments(stderr, e, HistoryOptionsParser.Usage());
        }

        if (options.Help)
        {
            stdout.Write(HistoryOptionsParser.Usage());
            return SparkSchedulerApp.Success;
        }

        ConnectionMultiplexer redis;
        try
        {
            redis = RedisConnection.Open(options.Redis!);
        }
        catch (RedisSetupException e)
        {
            stderr.WriteLine("error: " + e.Message);
            return SparkSchedulerApp.BadArguments;
        }

        try
        {
            HistoryResult result = HistoryReader.ReadAsync(redis, options).GetAwaiter().GetResult();
            return Report(result, options, stdout, stderr);
        }
        catch (Exception e) when (e is RedisException or IOException or UnauthorizedAccessException or InvalidDataException)
        {
            stderr.WriteLine("error: " + TerminalText.Safe(e.Message));
            return SparkSchedulerApp.Failure;
        }
        catch (Exception e)
        {
            return CommandEnd.Unexpected(stderr, "history", e);
        }
        finally
        {
            redis.Dispose();
        }
    }

    /// <summary>Prints what was read and the bridge line, writes the REST files; 1 when the run did not end or the bridge does not balance.</summary>
    internal static int Report(HistoryResult r, HistoryOptions options, TextWriter stdout, TextWriter stderr)
    {
        int exitCode = ReportRun(r, options, stdout, stderr);
        stdout.WriteLine(GroupLine(r.Balance.Group, options.Stream.Keys.Stream.ToString(), r.Group));
        return exitCode;
    }

    /// <summary>The line that says whether history's consumer group is still on the stream, and how to remove it.</summary>
    internal static string GroupLine(string group, string streamKey, GroupFate fate) => fate switch
    {
        GroupFate.Removed => $"group {group} removed from {streamKey}: everything it read is acknowledged",
        GroupFate.RemovalFailed => $"group {group} left on {streamKey}: Redis could not be reached to remove it; XGROUP DESTROY {streamKey} {group} removes it",
        _ => $"group {group} kept on {streamKey} for inspection (XINFO GROUPS {streamKey}, XPENDING {streamKey} {group}); XGROUP DESTROY {streamKey} {group} removes it",
    };

    private static int ReportRun(HistoryResult r, HistoryOptions options, TextWriter stdout, TextWriter stderr)
    {
        if (!r.Ended)
        {
            stdout.WriteLine(r.Balance);
            stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"error: timed out: nothing new on stream '{options.Stream.Name}' for {options.Timeout.TotalSeconds} s (--timeout) and the run has not ended (no end marker, no SparkListenerApplicationEnd); read {r.Balance.Consumer.Delivered} events, wrote no REST files."));
            return SparkSchedulerApp.Failure;
        }

        if (r.ListenerFailures > 0)
        {
            stdout.WriteLine(r.Balance);
            stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"error: the listeners failed on {r.ListenerFailures} event(s); their answers would be incomplete, so no REST files were written."));
            return SparkSchedulerApp.Failure;
        }

        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"stream {options.Stream.Name}: {r.Balance.Consumer.Delivered} events read by group {r.Balance.Group}"));
        stdout.WriteLine(ApplicationLine.Of(r.Store) ?? "  no SparkListenerApplicationStart: the stream holds no application, and adds none to the REST files");
        stdout.WriteLine();
        ResultTable.WriteAppStatus(stdout, r.Status);
        stdout.WriteLine();
        stdout.WriteLine(r.Balance);
        string folder = Path.GetFullPath(options.RestOut);
        RestOutput.Write(folder, [r.Store]);
        stdout.WriteLine("REST files: " + folder);
        if (!r.Balance.IsBalanced)
        {
            stderr.WriteLine("error: the Redis bridge does not balance: " + r.Balance);
            return SparkSchedulerApp.Failure;
        }

        return SparkSchedulerApp.Success;
    }
}
