using SparkScheduler.Events.Info;

namespace SparkScheduler.Listeners.AppStatus;

/// <summary>The task metrics a stage sums (the subset of Spark's v1 <c>StageData</c> that the sample's events carry).</summary>
internal sealed class StageMetrics
{
    public long ExecutorRunTime { get; private set; }
    public long ExecutorCpuTime { get; private set; }
    public long JvmGcTime { get; private set; }
    public long ResultSize { get; private set; }
    public long PeakExecutionMemory { get; private set; }
    public long InputBytes { get; private set; }
    public long InputRecords { get; private set; }
    public long OutputBytes { get; private set; }
    public long OutputRecords { get; private set; }
    public long ShuffleReadBytes { get; private set; }
    public long ShuffleReadRecords { get; private set; }
    public long ShuffleWriteBytes { get; private set; }
    public long ShuffleWriteRecords { get; private set; }
    public long MemoryBytesSpilled { get; private set; }
    public long DiskBytesSpilled { get; private set; }

    /// <summary>Adds one task's final metrics (a task reports them once, at its end, in a log).</summary>
    public void Add(TaskMetrics m)
    {
        ExecutorRunTime += m.ExecutorRunTime;
        ExecutorCpuTime += m.ExecutorCpuTime;
        JvmGcTime += m.JvmGcTime;
        ResultSize += m.ResultSize;
        PeakExecutionMemory += m.PeakExecutionMemory;
        InputBytes += m.Input?.BytesRead ?? 0;
        InputRecords += m.Input?.RecordsRead ?? 0;
        OutputBytes += m.Output?.BytesWritten ?? 0;
        OutputRecords += m.Output?.RecordsWritten ?? 0;
        ShuffleReadBytes += m.ShuffleRead?.TotalBytesRead ?? 0;
        ShuffleReadRecords += m.ShuffleRead?.RecordsRead ?? 0;
        ShuffleWriteBytes += m.ShuffleWrite?.BytesWritten ?? 0;
        ShuffleWriteRecords += m.ShuffleWrite?.RecordsWritten ?? 0;
        MemoryBytesSpilled += m.MemoryBytesSpilled;
        DiskBytesSpilled += m.DiskBytesSpilled;
    }
}
