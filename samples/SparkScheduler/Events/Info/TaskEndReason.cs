namespace SparkScheduler.Events.Info;

/// <summary>How a task attempt ended (Spark's <c>TaskEndReason</c> family, flattened).</summary>
public enum TaskEndKind
{
    /// <summary>It succeeded.</summary>
    Success,

    /// <summary>User code threw; the task is retried up to the stage's limit.</summary>
    ExceptionFailure,

    /// <summary>Its executor was lost; the task is resubmitted without counting against the limit.</summary>
    ExecutorLostFailure,

    /// <summary>It was killed: another attempt of the same index succeeded, or its stage was cancelled.</summary>
    TaskKilled,
}

/// <summary>Why a task attempt ended.</summary>
/// <param name="Kind">The kind of ending.</param>
/// <param name="Description">Spark's one-line description, empty on success.</param>
public sealed record TaskEndReason(TaskEndKind Kind, string Description)
{
    /// <summary>The reason of every successful attempt.</summary>
    public static TaskEndReason Success { get; } = new(TaskEndKind.Success, "");
}
