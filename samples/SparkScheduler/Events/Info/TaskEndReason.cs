using System.Text.Json.Serialization;

namespace SparkScheduler.Events.Info;

/// <summary>How a task attempt ended (Spark's <c>TaskEndReason</c> family, flattened; the names are Spark's <c>"Reason"</c>).</summary>
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

    /// <summary>It could not fetch shuffle output of a parent stage.</summary>
    FetchFailed,

    /// <summary>It had succeeded, but its output was lost with its executor and it runs again.</summary>
    Resubmitted,

    /// <summary>Its result was lost before the driver fetched it.</summary>
    TaskResultLost,

    /// <summary>The output committer denied it the commit.</summary>
    TaskCommitDenied,

    /// <summary>Spark did not know why.</summary>
    UnknownReason,
}

/// <summary>Why a task attempt ended.</summary>
/// <param name="Kind">The kind of ending.</param>
/// <param name="Description">Spark's one-line description (<c>"Description"</c> of an exception), empty on success.</param>
/// <param name="KillReason">Why it was killed, for <see cref="TaskEndKind.TaskKilled"/> read from a log.</param>
/// <param name="LossReason">Why its executor was lost, for <see cref="TaskEndKind.ExecutorLostFailure"/> read from a log.</param>
public sealed record TaskEndReason(
    [property: JsonPropertyName("Reason")] TaskEndKind Kind,
    [property: JsonPropertyName("Description")] string Description = "",
    [property: JsonPropertyName("Kill Reason")] string? KillReason = null,
    [property: JsonPropertyName("Loss Reason")] string? LossReason = null)
{
    /// <summary>The reason of every successful attempt.</summary>
    public static TaskEndReason Success { get; } = new(TaskEndKind.Success, "");
}
