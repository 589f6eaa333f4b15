using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace SparkScheduler.Events.Info;

/// <summary>What the scheduler knows of a stage attempt (Spark's <c>StageInfo</c>).</summary>
/// <param name="StageId">The stage id, unique in the application.</param>
/// <param name="AttemptNumber">0 for the first attempt.</param>
/// <param name="Name">The call site that created the stage, as Spark shows it.</param>
/// <param name="NumTasks">Tasks in the stage: one per partition.</param>
/// <param name="ParentIds">The stages this one reads shuffle output from; null in logs that predate them.</param>
/// <param name="RddInfos">The RDDs the stage computes, the stage's own first.</param>
/// <param name="SubmissionTime">When the stage was submitted, or null before that.</param>
/// <param name="CompletionTime">When it completed or failed, or null while it runs.</param>
/// <param name="FailureReason">Why it failed, or null.</param>
/// <param name="Details">The call stack that created it, or null.</param>
public sealed record StageInfo(
    [property: JsonPropertyName("Stage ID")] int StageId,
    [property: JsonPropertyName("Stage Attempt ID")] int AttemptNumber,
    [property: JsonPropertyName("Stage Name")] string Name,
    [property: JsonPropertyName("Number of Tasks")] int NumTasks,
    [property: JsonPropertyName("Parent IDs")] IReadOnlyList<int>? ParentIds,
    [property: JsonPropertyName("RDD Info")] IReadOnlyList<RddInfo> RddInfos,
    [property: JsonPropertyName("Submission Time")] long? SubmissionTime = null,
    [property: JsonPropertyName("Completion Time")] long? CompletionTime = null,
    [property: JsonPropertyName("Failure Reason")] string? FailureReason = null,
    [property: JsonPropertyName("Details")] string? Details = null)
{
    /// <summary>The RDD the stage computes (its first), or -1 when a log lists none.</summary>
    public int RddId => RddInfos.Count > 0 ? RddInfos[0].RddId : -1;

    /// <summary>How many stages this one reads from.</summary>
    public int ParentCount => ParentIds?.Count ?? 0;
}

/// <summary>An RDD of a stage (a subset of Spark's <c>RDDInfo</c>).</summary>
/// <param name="RddId">Its id.</param>
/// <param name="Name">Its name.</param>
public sealed record RddInfo(
    [property: JsonPropertyName("RDD ID")] int RddId,
    [property: JsonPropertyName("Name")] string Name);
