namespace SparkScheduler.Events.Info;

/// <summary>What a task measured of itself (a subset of Spark's <c>TaskMetrics</c>).</summary>
/// <param name="ExecutorRunTime">Milliseconds the task ran on the executor.</param>
/// <param name="ExecutorCpuTime">Nanoseconds of CPU it used.</param>
/// <param name="JvmGcTime">Milliseconds the executor spent in garbage collection while it ran.</param>
/// <param name="ResultSize">Bytes of the result it sent back.</param>
/// <param name="BytesRead">Input bytes read.</param>
/// <param name="RecordsRead">Input records read.</param>
/// <param name="ShuffleBytesRead">Shuffle bytes fetched from parent stages.</param>
/// <param name="ShuffleBytesWritten">Shuffle bytes written for child stages.</param>
/// <param name="MemoryBytesSpilled">Bytes spilled from memory.</param>
/// <param name="PeakExecutionMemory">Peak bytes of execution memory.</param>
public sealed record TaskMetrics(
    long ExecutorRunTime,
    long ExecutorCpuTime,
    long JvmGcTime,
    long ResultSize,
    long BytesRead,
    long RecordsRead,
    long ShuffleBytesRead,
    long ShuffleBytesWritten,
    long MemoryBytesSpilled,
    long PeakExecutionMemory);
