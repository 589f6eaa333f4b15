namespace SparkScheduler.Events.Info;

/// <summary>An executor's memory gauges at a heartbeat (a subset of Spark's <c>ExecutorMetrics</c>).</summary>
/// <param name="JvmHeapMemory">Heap bytes in use.</param>
/// <param name="OnHeapExecutionMemory">Heap bytes used for execution.</param>
/// <param name="OnHeapStorageMemory">Heap bytes used for cached blocks.</param>
/// <param name="MinorGcCount">Minor collections so far.</param>
/// <param name="MajorGcCount">Major collections so far.</param>
public sealed record ExecutorMetrics(
    long JvmHeapMemory,
    long OnHeapExecutionMemory,
    long OnHeapStorageMemory,
    long MinorGcCount,
    long MajorGcCount);
