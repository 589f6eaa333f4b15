using System;

namespace SparkScheduler.Cli;

/// <summary>Everything a run is sized and tuned by; the defaults are the README's one-command run.</summary>
internal sealed record SchedulerOptions
{
    public int Jobs { get; init; } = 100;

    public int StagesPerJob { get; init; } = 4;

    public int TasksPerStage { get; init; } = 1_250;

    public int Executors { get; init; } = 64;

    public int CoresPerExecutor { get; init; } = 4;

    public int Seed { get; init; } = 42;

    /// <summary>Executors the cluster manager kills mid-run: their tasks fail and are resubmitted.</summary>
    public int LostExecutors { get; init; } = 3;

    /// <summary>Executors that hang mid-run: their heartbeats stop and the liveness listener expires them.</summary>
    public int HungExecutors { get; init; } = 2;

    /// <summary>Chance that a task attempt throws; four failures of one task fail its stage and job, as in Spark.</summary>
    public double TaskFailureRate { get; init; } = 0.002;

    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Heartbeat silence after which an executor expires; checked every half of it (Spark: 120 s, 60 s).</summary>
    public TimeSpan ExecutorTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>Capacity of the appStatus, executorManagement and shared queues.</summary>
    public int QueueCapacity { get; init; } = 100_000;

    /// <summary>Capacity of the slow listener's own queue.</summary>
    public int SlowQueueCapacity { get; init; } = 1_000;

    /// <summary>How long the slow listener takes per event.</summary>
    public TimeSpan SlowListenerDelay { get; init; } = TimeSpan.FromMilliseconds(1);

    /// <summary>How often queue depths and drops are sampled for the report.</summary>
    public TimeSpan SampleInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    public string ReportPath { get; init; } = "spark-scheduler-report.html";

    /// <summary>
    /// Where the eventLog listener writes the run's Spark event log (named <c>.inprogress</c> until the run ends);
    /// <see langword="null"/>: <see cref="DefaultEventLogName"/> beside the report.
    /// </summary>
    public string? EventLogPath { get; init; }

    /// <summary>The event log's file name when <see cref="EventLogPath"/> is not given.</summary>
    public const string DefaultEventLogName = "spark-scheduler-events.log";

    /// <summary>The event log's full path: <see cref="EventLogPath"/>, or <see cref="DefaultEventLogName"/> in the report's folder.</summary>
    public string EventLogFullPath() => System.IO.Path.GetFullPath(
        EventLogPath ?? System.IO.Path.Combine(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(ReportPath)) ?? ".", DefaultEventLogName));

    /// <summary>
    /// What the eventLog queue does when full: drop and count (Spark's way, the default), or make the driver wait, so
    /// that the log holds every event.
    /// </summary>
    public GeneratedBus.QueueFullMode EventLogQueueMode { get; init; } = GeneratedBus.QueueFullMode.DropWrite;

    /// <summary>The application's name in its ApplicationStart event (and so in the report and the table).</summary>
    public string AppName { get; init; } = "SparkScheduler";

    /// <summary>Where Redis listens (<c>--redis</c>); <see langword="null"/>, the default: the run stays in-process and needs no Redis.</summary>
    public Redis.RedisAddress? Redis { get; init; }

    /// <summary>The stream <c>--redis</c> publishes to (<c>--stream</c>).</summary>
    public string Stream { get; init; } = SparkScheduler.Redis.RunStream.DefaultName;

    public bool Help { get; init; }
}
