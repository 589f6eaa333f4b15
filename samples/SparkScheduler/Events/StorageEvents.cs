using System.Text.Json.Serialization;
using GeneratedBus;
using SparkScheduler.Events.Info;

namespace SparkScheduler.Events;

/// <summary>A block manager registered (Spark's <c>SparkListenerBlockManagerAdded</c>).</summary>
/// <param name="Time">When.</param>
/// <param name="BlockManagerId">Its address.</param>
/// <param name="MaxMemory">Bytes it may use for storage.</param>
[BusEvent("SparkListenerBlockManagerAdded")]
public sealed record BlockManagerAdded(
    [property: JsonPropertyName("Timestamp")] long Time,
    [property: JsonPropertyName("Block Manager ID")] BlockManagerId BlockManagerId,
    [property: JsonPropertyName("Maximum Memory")] long MaxMemory) : SparkListenerEvent;

/// <summary>A block manager went away with its executor (Spark's <c>SparkListenerBlockManagerRemoved</c>).</summary>
/// <param name="Time">When.</param>
/// <param name="BlockManagerId">Its address.</param>
[BusEvent("SparkListenerBlockManagerRemoved")]
public sealed record BlockManagerRemoved(
    [property: JsonPropertyName("Timestamp")] long Time,
    [property: JsonPropertyName("Block Manager ID")] BlockManagerId BlockManagerId) : SparkListenerEvent;

/// <summary>A cached block was stored, moved or dropped (Spark's <c>SparkListenerBlockUpdated</c>, flattened).</summary>
/// <param name="BlockManagerId">Where.</param>
/// <param name="BlockId">The block, such as <c>rdd_12_3</c>.</param>
/// <param name="StorageLevel">How it is stored, such as <c>MEMORY_AND_DISK</c>.</param>
/// <param name="MemSize">Bytes in memory.</param>
/// <param name="DiskSize">Bytes on disk.</param>
/// <param name="Time">When.</param>
[BusEvent("SparkListenerBlockUpdated")]
public sealed record BlockUpdated(
    [property: JsonPropertyName("Block Manager ID")] BlockManagerId BlockManagerId,
    [property: JsonPropertyName("Block ID")] string BlockId,
    [property: JsonPropertyName("Storage Level")] string StorageLevel,
    [property: JsonPropertyName("Memory Size")] long MemSize,
    [property: JsonPropertyName("Disk Size")] long DiskSize,
    long Time) : SparkListenerEvent;

/// <summary>The application unpersisted a cached RDD (Spark's <c>SparkListenerUnpersistRDD</c>).</summary>
/// <param name="RddId">The RDD.</param>
/// <param name="Time">When.</param>
[BusEvent("SparkListenerUnpersistRDD")]
public sealed record UnpersistRdd([property: JsonPropertyName("RDD ID")] int RddId, long Time) : SparkListenerEvent;
