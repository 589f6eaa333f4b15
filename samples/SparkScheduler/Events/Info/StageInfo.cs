using System.Collections.Generic;

namespace SparkScheduler.Events.Info;

/// <summary>What the scheduler knows of a stage attempt (Spark's <c>StageInfo</c>).</summary>
/// <param name="StageId">The stage id, unique in the application.</param>
/// <param name="AttemptNumber">0 for the first attempt.</param>
/// <param name="Name">The call site that created the stage, as Spark shows it.</param>
/// <param name="NumTasks">Tasks in the stage: one per partition.</param>
/// <param name="ParentIds">The stages this one reads shuffle output from.</param>
/// <param name="RddId">The RDD the stage computes.</param>
/// <param name="SubmissionTime">When the stage was submitted, or null before that.</param>
/// <param name="CompletionTime">When it completed or failed, or null while it runs.</param>
/// <param name="FailureReason">Why it failed, or null.</param>
public sealed record StageInfo(
    int StageId,
    int AttemptNumber,
    string Name,
    int NumTasks,
    IReadOnlyList<int> ParentIds,
    int RddId,
    long? SubmissionTime = null,
    long? CompletionTime = null,
    string? FailureReason = null);
