using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using SparkScheduler.Redis;

namespace SparkScheduler.Cli;

/// <summary>Parses <c>history --redis &lt;host:port&gt; --rest-out &lt;dir&gt; [--stream &lt;name&gt;] [--timeout &lt;s&gt;]</c>, or says exactly what is wrong.</summary>
internal static class HistoryOptionsParser
{
    /// <summary>The command's name, the first argument.</summary>
    public const string Command = "history";

    /// <exception cref="UsageException">No <c>--redis</c> or <c>--rest-out</c>, a malformed value, or an unknown option or argument.</exception>
    public static HistoryOptions Parse(IReadOnlyList<string> args)
    {
        RedisAddress? redis = null;
        var stream = new RunStream(RunStream.DefaultName);
        string? restOut = null;
        TimeSpan timeout = HistoryOptions.DefaultTimeout;
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            if (arg is "--help" or "-h" or "-?")
            {
                return new HistoryOptions(null, stream, "", timeout, Help: true);
            }

            int eq = arg.IndexOf('=', StringComparison.Ordinal);
            string name = arg.StartsWith("--", StringComparison.Ordinal) && eq > 0 ? arg[..eq] : arg;
            switch (name)
            {
                case "--redis":
                    redis = RedisAddress.Parse(ArgumentValue.Of(args, ref i, name, eq));
                    break;
                case "--stream":
                    stream = new RunStream(ArgumentValue.Of(args, ref i, name, eq));
                    break;
                case "--rest-out":
                    restOut = ArgumentValue.NotEmpty(args, ref i, name, eq, "a folder");
                    break;
                case "--timeout":
                    string text = ArgumentValue.Of(args, ref i, name, eq);
                    timeout = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int seconds) && seconds >= 1
                        ? TimeSpan.FromSeconds(seconds)
                        : throw new UsageException($"--timeout needs a whole number of seconds, at least 1, not '{text}'.");
                    break;
                default:
                    throw new UsageException(arg.StartsWith("--", StringComparison.Ordinal) ? $"Unknown option '{name}'." : $"Unexpected argument '{arg}'.");
            }
        }

        return new HistoryOptions(
            redis ?? throw new UsageException("history needs --redis <host:port>."),
            stream,
            restOut ?? throw new UsageException("history needs --rest-out <dir>."),
            timeout);
    }

    /// <summary>The usage text of <c>history</c>.</summary>
    public static string Usage()
    {
        var text = new StringBuilder();
        text.AppendLine("Usage: SparkScheduler history --redis <host:port> --rest-out <dir> [--stream <name>] [--timeout <s>]");
        text.AppendLine("Reads the stream a run of `SparkScheduler --redis` publishes to, from its start, through a consumer group of");
        text.AppendLine("its own, until the application has ended and the stream is drained; then prints the run's App status and");
        text.AppendLine("writes the REST files `replay` writes for the run's event log. It may start before the run: it waits.");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"  {"--redis <host:port>",-30} where Redis listens (required)");
        text.AppendLine(CultureInfo.InvariantCulture, $"  {"--rest-out <dir>",-30} where the JSON files go (required)");
        text.AppendLine(CultureInfo.InvariantCulture, $"  {"--stream <name>",-30} the run's stream (default {RunStream.DefaultName})");
        text.AppendLine(CultureInfo.InvariantCulture, $"  {"--timeout <s>",-30} give up when nothing new arrived for this long and the run has not ended (default {HistoryOptions.DefaultTimeout.TotalSeconds})");
        text.AppendLine(CultureInfo.InvariantCulture, $"  {"--help",-30} this text");
        text.AppendLine();
        text.AppendLine("Exit codes: 0 the run was read and the bridge balances; 1 the bridge does not balance, the timeout passed,");
        text.AppendLine("or the files could not be written (the reason on stderr); 2 bad arguments, or Redis unreachable.");
        return text.ToString();
    }
}
