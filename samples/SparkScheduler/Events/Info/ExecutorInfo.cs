using System.Collections.Generic;

namespace SparkScheduler.Events.Info;

/// <summary>An executor as the cluster manager reported it (Spark's <c>ExecutorInfo</c>).</summary>
/// <param name="Host">The node it runs on.</param>
/// <param name="TotalCores">Task slots it offers.</param>
/// <param name="LogUrls">Where its stdout and stderr can be read.</param>
public sealed record ExecutorInfo(string Host, int TotalCores, IReadOnlyDictionary<string, string> LogUrls);

/// <summary>Where a block manager listens (Spark's <c>BlockManagerId</c>).</summary>
/// <param name="ExecutorId">The executor it belongs to, or "driver".</param>
/// <param name="Host">Its host.</param>
/// <param name="Port">Its port.</param>
public sealed record BlockManagerId(string ExecutorId, string Host, int Port);

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

/// <summary>The accumulator updates a heartbeat carries for one running task.</summary>
/// <param name="TaskId">The task attempt.</param>
/// <param name="StageId">Its stage.</param>
/// <param name="StageAttemptId">Its stage attempt.</param>
/// <param name="RunTimeSoFar">Milliseconds it has run.</param>
public sealed record TaskAccumulatorUpdate(long TaskId, int StageId, int StageAttemptId, long RunTimeSoFar);
