using System.Collections.Generic;
using SparkScheduler.Events.Info;

namespace SparkScheduler.Listeners.AppStatus;

/// <summary>What the History Server knows of one stage attempt (Spark's <c>LiveStage</c>, answered as v1 <c>StageData</c>).</summary>
internal sealed class LiveStage(StageInfo info)
{
    /// <summary>The latest info the scheduler gave: its submission and completion times and failure reason.</summary>
    public StageInfo Info { get; set; } = info;

    /// <summary>PENDING, ACTIVE, COMPLETE, FAILED or SKIPPED (Spark's <c>StageStatus</c>).</summary>
    public string Status { get; set; } = "PENDING";
    public string SchedulingPool { get; set; } = "default";
    public string? Description { get; set; }
    public List<LiveJob> Jobs { get; } = [];
    public int ActiveTasks { get; set; }
    public int CompletedTasks { get; set; }
    public int FailedTasks { get; set; }
    public int KilledTasks { get; set; }
    public HashSet<int> CompletedIndices { get; } = [];
    public long FirstLaunchTime { get; set; } = long.MaxValue;
    public StageMetrics Metrics { get; } = new();
    public SortedDictionary<string, int> KilledSummary { get; } = new(System.StringComparer.Ordinal);
}
