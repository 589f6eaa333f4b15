using System;
using System.Collections.Generic;
using System.Globalization;
using SparkScheduler.Redis;

namespace SparkScheduler.Cli;

/// <summary>Turns the command line into <see cref="SchedulerOptions"/>, or says exactly what is wrong with it.</summary>
internal static class OptionsParser
{
    private delegate SchedulerOptions Apply(SchedulerOptions options, string value);

    private sealed record Option(string Name, string Value, string Help, Func<SchedulerOptions, string> Default, Apply Apply);

    private static readonly SchedulerOptions Defaults = new();

    private static readonly Option[] All =
    [
        Size("--jobs", "jobs the application runs, one after another", o => o.Jobs, (o, v) => o with { Jobs = v }),
        Size("--stages-per-job", "stages per job, each reading the previous one's shuffle", o => o.StagesPerJob, (o, v) => o with { StagesPerJob = v }),
        Size("--tasks-per-stage", "tasks (partitions) per stage", o => o.TasksPerStage, (o, v) => o with { TasksPerStage = v }),
        Size("--executors", "executors at start", o => o.Executors, (o, v) => o with { Executors = v }),
        Size("--cores-per-executor", "task slots per executor", o => o.CoresPerExecutor, (o, v) => o with { CoresPerExecutor = v }),
        new("--seed", "<int>", "seed of every random choice: the same seed gives the same application", o => Text(o.Seed), (o, v) => o with { Seed = ParseInt("--seed", v, int.MinValue) }),
        Count("--lost-executors", "executors killed mid-run (tasks fail and are resubmitted)", o => o.LostExecutors, (o, v) => o with { LostExecutors = v }),
        Count("--hung-executors", "executors whose heartbeats stop (the liveness listener expires them)", o => o.HungExecutors, (o, v) => o with { HungExecutors = v }),
        new("--task-failure-rate", "<0..1>", "chance that a task attempt throws", o => Text(o.TaskFailureRate), (o, v) => o with { TaskFailureRate = ParseRate("--task-failure-rate", v) }),
        Seconds("--heartbeat-interval", "simulated seconds between an executor's heartbeats", o => o.HeartbeatInterval, (o, v) => o with { HeartbeatInterval = v }),
        Seconds("--executor-timeout", "simulated heartbeat silence before an executor expires", o => o.ExecutorTimeout, (o, v) => o with { ExecutorTimeout = v }),
        new("--queue-capacity", "<n>", "capacity of the appStatus, executorManagement and shared queues (Wait queues: the driver waits for room), at least 1", o => Text(o.QueueCapacity), (o, v) => o with { QueueCapacity = ParseInt("--queue-capacity", v, 1) }),
        Size("--slow-queue-capacity", "capacity of the slow listener's eventLog queue", o => o.SlowQueueCapacity, (o, v) => o with { SlowQueueCapacity = v }),
        new("--slow-listener-delay", "<ms>", "real milliseconds the slow listener takes per event (0 = not slow)", o => Text(o.SlowListenerDelay.TotalMilliseconds), (o, v) => o with { SlowListenerDelay = TimeSpan.FromMilliseconds(ParseInt("--slow-listener-delay", v, 0)) }),
        new("--sample-interval", "<ms>", "real milliseconds between samples of queue depth for the report", o => Text(o.SampleInterval.TotalMilliseconds), (o, v) => o with { SampleInterval = TimeSpan.FromMilliseconds(ParseInt("--sample-interval", v, 1)) }),
        new("--app-name", "<text>", "the application's name, as its ApplicationStart event gives it", o => o.AppName, (o, v) => o with { AppName = v }),
        new("--event-log", "<path>", "where the run's Spark event log is written", o => o.EventLogPath ?? SchedulerOptions.DefaultEventLogName + " beside the report", (o, v) => o with { EventLogPath = v.Length > 0 ? v : throw new UsageException("--event-log needs a file path.") }),
        new("--event-log-queue", "<drop|wait>", "when the eventLog queue is full: drop and count, or make the driver wait (a complete log)", o => o.EventLogQueueMode == GeneratedBus.QueueFullMode.Wait ? "wait" : "drop", (o, v) => o with { EventLogQueueMode = ParseFullMode("--event-log-queue", v) }),
        new("--redis", "<host:port>", "also publish every event to a Redis stream, for `history` in another process", o => "none: no Redis", (o, v) => o with { Redis = RedisAddress.Parse(v) }),
        new("--stream", "<name>", "the Redis stream (with --redis)", o => o.Stream, (o, v) => o with { Stream = new RunStream(v).Name }),
        new("--report", "<path>", "where the HTML report is written", o => o.ReportPath, (o, v) => o with { ReportPath = v.Length > 0 ? v : throw new UsageException("--report needs a file path.") }),
    ];

    /// <summary>Parses <paramref name="args"/>: <c>--name value</c> or <c>--name=value</c>, and <c>--help</c>.</summary>
    /// <exception cref="UsageException">An unknown option, a missing or invalid value, or sizes that do not fit together.</exception>
    public static SchedulerOptions Parse(IReadOnlyList<string> args)
    {
        SchedulerOptions options = Defaults;
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            if (arg is "--help" or "-h" or "-?")
            {
                return options with { Help = true };
            }

            int eq = arg.IndexOf('=', StringComparison.Ordinal);
            string name = eq < 0 ? arg : arg[..eq];
            Option option = Array.Find(All, o => o.Name == name)
                ?? throw new UsageException($"Unknown option '{name}'.");
            string value;
            if (eq >= 0)
            {
                value = arg[(eq + 1)..];
            }
            else if (i + 1 < args.Count)
            {
                value = args[++i];
            }
            else
            {
                throw new UsageException($"{name} needs a value {option.Value}.");
            }

            options = option.Apply(options, value);
        }

        return CheckTogether(options);
    }

    /// <summary>The usage text: every option with its meaning and default.</summary>
    public static string Usage()
    {
        var text = new System.Text.StringBuilder();
        text.AppendLine("Usage: SparkScheduler [options]");
        text.AppendLine("       SparkScheduler replay <log>... --rest-out <dir>   (replay --help for more)");
        text.AppendLine("       SparkScheduler history --redis <host:port> --rest-out <dir>   (history --help for more)");
        text.AppendLine("Simulates a Spark application's scheduler and posts its events to a generated bus with four queues.");
        text.AppendLine();
        foreach (Option o in All)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {o.Name + " " + o.Value,-30} {o.Help} (default {o.Default(Defaults)})");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"  {"--help",-30} this text");
        text.AppendLine();
        text.AppendLine("Exit codes: 0 the run succeeded; 1 the run failed, the reason on stderr (a must-not-drop queue dropped,");
        text.AppendLine("a queue or the Redis publisher does not balance, the liveness listener failed or disagreed with the driver,");
        text.AppendLine("the report could not be written, or an unexpected error); 2 bad arguments, Redis unreachable at --redis,");
        text.AppendLine("or a --stream that already holds a run.");
        return text.ToString();
    }

    private static SchedulerOptions CheckTogether(SchedulerOptions o)
    {
        if (o.LostExecutors + o.HungExecutors >= o.Executors)
        {
            throw new UsageException(
                $"--lost-executors ({o.LostExecutors}) plus --hung-executors ({o.HungExecutors}) must leave at least one of the {o.Executors} executors running.");
        }

        if (o.Redis is null && o.Stream != Defaults.Stream)
        {
            throw new UsageException("--stream names the Redis stream: it needs --redis <host:port>.");
        }

        if (o.ExecutorTimeout <= o.HeartbeatInterval)
        {
            throw new UsageException("--executor-timeout must be longer than --heartbeat-interval, or every executor would expire.");
        }

        return o;
    }

    private static Option Size(string name, string help, Func<SchedulerOptions, int> get, Func<SchedulerOptions, int, SchedulerOptions> set) =>
        new(name, "<n>", help, o => Text(get(o)), (o, v) => set(o, ParseInt(name, v, 1)));

    private static Option Count(string name, string help, Func<SchedulerOptions, int> get, Func<SchedulerOptions, int, SchedulerOptions> set) =>
        new(name, "<n>", help, o => Text(get(o)), (o, v) => set(o, ParseInt(name, v, 0)));

    private static Option Seconds(string name, string help, Func<SchedulerOptions, TimeSpan> get, Func<SchedulerOptions, TimeSpan, SchedulerOptions> set) =>
        new(name, "<s>", help, o => Text(get(o).TotalSeconds), (o, v) => set(o, TimeSpan.FromSeconds(ParseInt(name, v, 1))));

    private static int ParseInt(string name, string value, int min)
    {
        if (!int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int n))
        {
            throw new UsageException($"{name} needs a whole number, not '{value}'.");
        }

        return n >= min ? n : throw new UsageException($"{name} must be at least {min}, not {n}.");
    }

    private static double ParseRate(string name, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double r) && r is >= 0 and < 1
            ? r
            : throw new UsageException($"{name} needs a number from 0 up to (not including) 1, not '{value}'.");

    private static GeneratedBus.QueueFullMode ParseFullMode(string name, string value) => value switch
    {
        "drop" => GeneratedBus.QueueFullMode.DropWrite,
        "wait" => GeneratedBus.QueueFullMode.Wait,
        _ => throw new UsageException($"{name} needs 'drop' or 'wait', not '{value}'."),
    };

    private static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);
}
