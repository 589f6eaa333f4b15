using System.Collections.Generic;
using System.Text.Json.Serialization;
using GeneratedBus;

namespace GeneratedBus.Benchmarks.Events.Log;

/// <summary>
/// The root of a bus shaped like the scheduler's event log: job, stage, task and executor events with nested info
/// records, lists and a dictionary (generated: ClusterBus, ClusterJsonCodec). The STJ attributes make the same events
/// polymorphic for <see cref="ClusterJsonContext"/>, the System.Text.Json source-generated baseline; the discriminator
/// is <c>"Event"</c> with the type's name, as the generated codec writes it.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "Event")]
[JsonDerivedType(typeof(ClusterJobStart), nameof(ClusterJobStart))]
[JsonDerivedType(typeof(ClusterJobEnd), nameof(ClusterJobEnd))]
[JsonDerivedType(typeof(ClusterStageSubmitted), nameof(ClusterStageSubmitted))]
[JsonDerivedType(typeof(ClusterStageCompleted), nameof(ClusterStageCompleted))]
[JsonDerivedType(typeof(ClusterTaskStart), nameof(ClusterTaskStart))]
[JsonDerivedType(typeof(ClusterTaskEnd), nameof(ClusterTaskEnd))]
[JsonDerivedType(typeof(ClusterExecutorAdded), nameof(ClusterExecutorAdded))]
public abstract record ClusterEvent;

/// <summary>A stage as jobs and stage events carry it.</summary>
public sealed record StageInfo(int StageId, int AttemptId, string Name, int NumTasks, IReadOnlyList<int> RddIds, string Details, long? SubmissionTime, long? CompletionTime, string? FailureReason);

/// <summary>A task attempt.</summary>
public sealed record TaskInfo(long TaskId, int Index, int Attempt, long LaunchTime, string ExecutorId, string Host, string Locality, bool Speculative, long FinishTime, bool Failed, bool Killed);

/// <summary>A task's shuffle reads.</summary>
public sealed record ShuffleReadMetrics(int RemoteBlocksFetched, int LocalBlocksFetched, long FetchWaitTime, long RemoteBytesRead, long LocalBytesRead, long RecordsRead);

/// <summary>A task's metrics, with a nested record.</summary>
public sealed record TaskMetrics(long ExecutorDeserializeTime, long ExecutorRunTime, long ExecutorCpuTime, long ResultSize, long JvmGcTime, long MemoryBytesSpilled, long DiskBytesSpilled, ShuffleReadMetrics ShuffleRead, long BytesWritten, long RecordsWritten);

/// <summary>An executor.</summary>
public sealed record ExecutorInfo(string Host, int TotalCores, IReadOnlyDictionary<string, string> LogUrls);

/// <summary>A job starts, with its stages.</summary>
[BusEvent] public sealed record ClusterJobStart(int JobId, long Time, IReadOnlyList<StageInfo> StageInfos, IReadOnlyDictionary<string, string> Properties) : ClusterEvent;

/// <summary>A job ends.</summary>
[BusEvent] public sealed record ClusterJobEnd(int JobId, long Time, string Result) : ClusterEvent;

/// <summary>A stage is submitted.</summary>
[BusEvent] public sealed record ClusterStageSubmitted(StageInfo StageInfo) : ClusterEvent;

/// <summary>A stage completes.</summary>
[BusEvent] public sealed record ClusterStageCompleted(StageInfo StageInfo) : ClusterEvent;

/// <summary>A task starts.</summary>
[BusEvent] public sealed record ClusterTaskStart(int StageId, int StageAttemptId, TaskInfo TaskInfo) : ClusterEvent;

/// <summary>A task ends: the most frequent and the largest line, as in Spark's logs.</summary>
[BusEvent] public sealed record ClusterTaskEnd(int StageId, int StageAttemptId, string TaskType, string Reason, TaskInfo TaskInfo, TaskMetrics TaskMetrics) : ClusterEvent;

/// <summary>An executor joins.</summary>
[BusEvent] public sealed record ClusterExecutorAdded(long Time, string ExecutorId, ExecutorInfo ExecutorInfo) : ClusterEvent;

/// <summary>The System.Text.Json source-generated baseline over the same events.</summary>
[JsonSourceGenerationOptions(WriteIndented = false)]
[JsonSerializable(typeof(ClusterEvent))]
public sealed partial class ClusterJsonContext : JsonSerializerContext;
