namespace SparkScheduler.Listeners.AppStatus;

/// <summary>What the History Server knows of one executor or the driver (Spark's <c>LiveExecutor</c>, answered as v1 <c>ExecutorSummary</c>).</summary>
internal sealed class LiveExecutor(string id, long addTime)
{
    public string Id { get; } = id;
    public long AddTime { get; } = addTime;
    public string? Host { get; set; }
    public string? HostPort { get; set; }
    public bool IsActive { get; set; } = true;
    public bool IsExcluded { get; set; }
    public int TotalCores { get; set; }
    public int MaxTasks { get; set; }
    public long MaxMemory { get; set; }
    public int ActiveTasks { get; set; }
    public int CompletedTasks { get; set; }
    public int FailedTasks { get; set; }
    public int TotalTasks { get; set; }
    public long TotalDuration { get; set; }
    public long TotalGcTime { get; set; }
    public long TotalInputBytes { get; set; }
    public long TotalShuffleRead { get; set; }
    public long TotalShuffleWrite { get; set; }
    public long? RemoveTime { get; set; }
    public string? RemoveReason { get; set; }
}
