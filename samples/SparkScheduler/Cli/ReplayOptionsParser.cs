using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using GeneratedBus.EventLog.Replay;

namespace SparkScheduler.Cli;

/// <summary>Parses <c>replay &lt;log&gt;... --rest-out &lt;dir&gt; [--max-line-bytes &lt;n&gt;]</c>, or says exactly what is wrong.</summary>
internal static class ReplayOptionsParser
{
    /// <summary>The command's name, the first argument.</summary>
    public const string Command = "replay";

    /// <exception cref="UsageException">No log, a log that does not exist, no <c>--rest-out</c>, or an unknown option.</exception>
    public static ReplayOptions Parse(IReadOnlyList<string> args)
    {
        var logs = new List<string>();
        string? restOut = null;
        int maxLineBytes = EventLogReplayOptions.DefaultMaxLineBytes;
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            if (arg is "--help" or "-h" or "-?")
            {
                return new ReplayOptions(logs, "", maxLineBytes, Help: true);
            }

            int eq = arg.IndexOf('=', System.StringComparison.Ordinal);
            string name = arg.StartsWith("--", System.StringComparison.Ordinal) && eq > 0 ? arg[..eq] : arg;
            switch (name)
            {
                case "--rest-out":
                    restOut = ArgumentValue.NotEmpty(args, ref i, name, eq, "a folder");
                    break;
                case "--max-line-bytes":
                    string text = ArgumentValue.Of(args, ref i, name, eq);
                    maxLineBytes = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n >= 1
                        ? n
                        : throw new UsageException($"--max-line-bytes needs a whole number of at least 1, not '{text}'.");
                    break;
                default:
                    if (arg.StartsWith("--", System.StringComparison.Ordinal))
                    {
                        throw new UsageException($"Unknown option '{name}'.");
                    }

                    logs.Add(File.Exists(arg) || Directory.Exists(arg) ? arg : throw new UsageException($"No such event log: '{arg}'."));
                    break;
            }
        }

        if (logs.Count == 0)
        {
            throw new UsageException("replay needs at least one event log.");
        }

        return new ReplayOptions(logs, restOut ?? throw new UsageException("replay needs --rest-out <dir>."), maxLineBytes);
    }

    /// <summary>The usage text of <c>replay</c>.</summary>
    public static string Usage()
    {
        var text = new StringBuilder();
        text.AppendLine("Usage: SparkScheduler replay <log>... --rest-out <dir> [--max-line-bytes <n>]");
        text.AppendLine("Replays Spark event logs (the files in spark.eventLog.dir) through the sample's listeners and writes what");
        text.AppendLine("Spark's History Server answers, in its REST API v1 layout: <dir>/applications.json, then per application");
        text.AppendLine("<dir>/applications/<appId>[/<attemptId>]/jobs.json, stages.json and executors.json.");
        text.AppendLine("Each log is one attempt; logs that share an application id are attempts of one application. A log is a");
        text.AppendLine("file (plain, .gz or .br; an .inprogress one may end in a cut-off line) or a rolled log's directory.");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"  {"--rest-out <dir>",-30} where the JSON files go (required)");
        text.AppendLine(CultureInfo.InvariantCulture, $"  {"--max-line-bytes <n>",-30} the longest line accepted (default {EventLogReplayOptions.DefaultMaxLineBytes})");
        text.AppendLine(CultureInfo.InvariantCulture, $"  {"--help",-30} this text");
        text.AppendLine();
        text.AppendLine("Exit codes: 0 every log replayed (events the sample does not declare, such as SQL events, are counted, not");
        text.AppendLine("an error); 1 a log is malformed or over a limit (its path, line and the reason on stderr), or the files");
        text.AppendLine("could not be written; 2 bad arguments.");
        return text.ToString();
    }
}
