using System.Text.Json.Serialization;

namespace SparkScheduler.Events.Info;

/// <summary>What a task measured of itself (a subset of Spark's <c>TaskMetrics</c>, nested as its logs nest it).</summary>
/// <param name="ExecutorRunTime">Milliseconds the task ran on the executor.</param>
/// <param name="ExecutorCpuTime">Nanoseconds of CPU it used (0 in logs before Spark 2.1).</param>
/// <param name="JvmGcTime">Milliseconds the executor spent in garbage collection while it ran.</param>
/// <param name="ResultSize">Bytes of the result it sent back.</param>
/// <param name="MemoryBytesSpilled">Bytes spilled from memory.</param>
/// <param name="DiskBytesSpilled">Bytes spilled to disk.</param>
/// <param name="PeakExecutionMemory">Peak bytes of execution memory.</param>
/// <param name="Input">What it read from storage, or null.</param>
/// <param name="Output">What it wrote to storage, or null.</param>
/// <param name="ShuffleRead">What it fetched from parent stages, or null.</param>
/// <param name="ShuffleWrite">What it wrote for child stages, or null.</param>
public sealed record TaskMetrics(
    [property: JsonPropertyName("Executor Run Time")] long ExecutorRunTime,
    [property: JsonPropertyName("Executor CPU Time")] long ExecutorCpuTime,
    [property: JsonPropertyName("JVM GC Time")] long JvmGcTime,
    [property: JsonPropertyName("Result Size")] long ResultSize,
    [property: JsonPropertyName("Memory Bytes Spilled")] long MemoryBytesSpilled,
    [property: JsonPropertyName("Disk Bytes Spilled")] long DiskBytesSpilled,
    [property: JsonPropertyName("Peak Execution Memory")] long PeakExecutionMemory,
    [property: JsonPropertyName("Input Metrics")] InputMetrics? Input = null,
    [property: JsonPropertyName("Output Metrics")] OutputMetrics? Output = null,
    [property: JsonPropertyName("Shuffle Read Metrics")] ShuffleReadMetrics? ShuffleRead = null,
    [property: JsonPropertyName("Shuffle Write Metrics")] ShuffleWriteMetrics? ShuffleWrite = null);

/// <summary>What a task read from storage (Spark's <c>InputMetrics</c>).</summary>
/// <param name="BytesRead">Bytes.</param>
/// <param name="RecordsRead">Records.</param>
public sealed record InputMetrics(
    [property: JsonPropertyName("Bytes Read")] long BytesRead,
    [property: JsonPropertyName("Records Read")] long RecordsRead);

/// <summary>What a task wrote to storage (Spark's <c>OutputMetrics</c>).</summary>
/// <param name="BytesWritten">Bytes.</param>
/// <param name="RecordsWritten">Records.</param>
public sealed record OutputMetrics(
    [property: JsonPropertyName("Bytes Written")] long BytesWritten,
    [property: JsonPropertyName("Records Written")] long RecordsWritten);

/// <summary>What a task fetched from parent stages (Spark's <c>ShuffleReadMetrics</c>).</summary>
/// <param name="RemoteBytesRead">Bytes fetched from other executors.</param>
/// <param name="LocalBytesRead">Bytes read from its own (0 in logs before Spark 1.3).</param>
/// <param name="RecordsRead">Records (0 in logs before Spark 1.3).</param>
public sealed record ShuffleReadMetrics(
    [property: JsonPropertyName("Remote Bytes Read")] long RemoteBytesRead,
    [property: JsonPropertyName("Local Bytes Read")] long LocalBytesRead,
    [property: JsonPropertyName("Total Records Read")] long RecordsRead)
{
    /// <summary>Every byte fetched, as the History Server counts it.</summary>
    public long TotalBytesRead => RemoteBytesRead + LocalBytesRead;
}

/// <summary>What a task wrote for child stages (Spark's <c>ShuffleWriteMetrics</c>).</summary>
/// <param name="BytesWritten">Bytes.</param>
/// <param name="RecordsWritten">Records (0 in logs before Spark 1.3).</param>
public sealed record ShuffleWriteMetrics(
    [property: JsonPropertyName("Shuffle Bytes Written")] long BytesWritten,
    [property: JsonPropertyName("Shuffle Records Written")] long RecordsWritten);
