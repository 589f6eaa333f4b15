namespace SparkScheduler.Listeners;

/// <summary>The bus's queues, named as Spark names them.</summary>
internal static class QueueNames
{
    /// <summary>The application status store: the UI's source of truth, so it must never drop.</summary>
    public const string AppStatus = "appStatus";

    /// <summary>Executor bookkeeping, such as heartbeat expiry.</summary>
    public const string ExecutorManagement = "executorManagement";

    /// <summary>User listeners share this one.</summary>
    public const string Shared = "shared";

    /// <summary>The event log writer: slow storage, so it gets a queue of its own.</summary>
    public const string EventLog = "eventLog";

    /// <summary>The Redis publisher (<c>--redis</c> only): a DropWrite queue of its own, so the driver never waits for Redis.</summary>
    public const string Redis = "redis";

    /// <summary>Every queue of the default run, in the order tables and charts show them.</summary>
    public static readonly string[] All = [AppStatus, ExecutorManagement, Shared, EventLog];

    /// <summary>The queues tables, charts and the progress line show, when the run has them: <see cref="All"/>, then <see cref="Redis"/>.</summary>
    public static readonly string[] Shown = [.. All, Redis];

    /// <summary>The queues that must lose nothing: the driver waits for these when they fill, never for the event log.</summary>
    public static readonly string[] MustNotDrop = [AppStatus, ExecutorManagement, Shared];
}
