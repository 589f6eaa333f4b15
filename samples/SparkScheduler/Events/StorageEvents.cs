using GeneratedBus;
using SparkScheduler.Events.Info;

namespace SparkScheduler.Events;

/// <summary>A block manager registered (Spark's <c>SparkListenerBlockManagerAdded</c>).</summary>
/// <param name="Time">When.</param>
/// <param name="BlockManagerId">Its address.</param>
/// <param name="MaxMemory">Bytes it may use for storage.</param>
[BusEvent]
public sealed record BlockManagerAdded(long Time, BlockManagerId BlockManagerId, long MaxMemory) : SparkListenerEvent(Time);

/// <summary>A block manager went away with its executor (Spark's <c>SparkListenerBlockManagerRemoved</c>).</summary>
/// <param name="Time">When.</param>
/// <param name="BlockManagerId">Its address.</param>
[BusEvent]
public sealed record BlockManagerRemoved(long Time, BlockManagerId BlockManagerId) : SparkListenerEvent(Time);

/// <summary>A cached block was stored, moved or dropped (Spark's <c>SparkListenerBlockUpdated</c>).</summary>
/// <param name="BlockManagerId">Where.</param>
/// <param name="BlockId">The block, such as <c>rdd_12_3</c>.</param>
/// <param name="StorageLevel">How it is stored, such as <c>MEMORY_AND_DISK</c>.</param>
/// <param name="MemSize">Bytes in memory.</param>
/// <param name="DiskSize">Bytes on disk.</param>
/// <param name="Time">When.</param>
[BusEvent]
public sealed record BlockUpdated(
    BlockManagerId BlockManagerId,
    string BlockId,
    string StorageLevel,
    long MemSize,
    long DiskSize,
    long Time) : SparkListenerEvent(Time);

/// <summary>The application unpersisted a cached RDD (Spark's <c>SparkListenerUnpersistRDD</c>).</summary>
/// <param name="RddId">The RDD.</param>
/// <param name="Time">When.</param>
[BusEvent]
public sealed record UnpersistRdd(int RddId, long Time) : SparkListenerEvent(Time);
