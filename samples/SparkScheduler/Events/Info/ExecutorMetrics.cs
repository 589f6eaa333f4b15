using System.Text.Json.Serialization;

namespace SparkScheduler.Events.Info;

/// <summary>An executor's memory gauges at a heartbeat (a subset of Spark's <c>ExecutorMetrics</c>, under its names).</summary>
/// <param name="JvmHeapMemory">Heap bytes in use.</param>
/// <param name="OnHeapExecutionMemory">Heap bytes used for execution.</param>
/// <param name="OnHeapStorageMemory">Heap bytes used for cached blocks.</param>
/// <param name="MinorGcCount">Minor collections so far.</param>
/// <param name="MajorGcCount">Major collections so far.</param>
public sealed record ExecutorMetrics(
    [property: JsonPropertyName("JVMHeapMemory")] long JvmHeapMemory,
    [property: JsonPropertyName("OnHeapExecutionMemory")] long OnHeapExecutionMemory,
    [property: JsonPropertyName("OnHeapStorageMemory")] long OnHeapStorageMemory,
    [property: JsonPropertyName("MinorGCCount")] long MinorGcCount,
    [property: JsonPropertyName("MajorGCCount")] long MajorGcCount);
