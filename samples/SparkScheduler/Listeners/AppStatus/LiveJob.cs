using System.Collections.Generic;

namespace SparkScheduler.Listeners.AppStatus;

/// <summary>What the History Server knows of one job (Spark's <c>LiveJob</c>, answered as v1 <c>JobData</c>).</summary>
internal sealed class LiveJob(int jobId, string name, string? description, string? jobGroup, long? submissionTime, IReadOnlyList<int> stageIds, int numTasks)
{
    public int JobId { get; } = jobId;
    public string Name { get; } = name;
    public string? Description { get; } = description;
    public string? JobGroup { get; } = jobGroup;
    public long? SubmissionTime { get; } = submissionTime;
    public long? CompletionTime { get; set; }
    public IReadOnlyList<int> StageIds { get; } = stageIds;

    /// <summary>RUNNING, SUCCEEDED or FAILED (Spark's <c>JobExecutionStatus</c>).</summary>
    public string Status { get; set; } = "RUNNING";

    /// <summary>Tasks of the stages not yet completed when the job started: an over-estimate when stages are skipped.</summary>
    public int NumTasks { get; } = numTasks;
    public int ActiveTasks { get; set; }
    public int CompletedTasks { get; set; }
    public int FailedTasks { get; set; }
    public int KilledTasks { get; set; }
    public int SkippedTasks { get; set; }
    public int ActiveStages { get; set; }
    public int FailedStages { get; set; }

    /// <summary>Stage id and task index in one long: an index counts once however many attempts it took.</summary>
    public HashSet<long> CompletedIndices { get; } = [];
    public HashSet<int> CompletedStages { get; } = [];
    public HashSet<int> SkippedStages { get; } = [];
    public SortedDictionary<string, int> KilledSummary { get; } = new(System.StringComparer.Ordinal);
}
