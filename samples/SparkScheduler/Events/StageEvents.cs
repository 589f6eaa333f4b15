using System.Collections.Generic;
using GeneratedBus;
using SparkScheduler.Events.Info;

namespace SparkScheduler.Events;

/// <summary>A stage attempt was submitted (Spark's <c>SparkListenerStageSubmitted</c>).</summary>
/// <param name="StageInfo">The stage, with its submission time set.</param>
/// <param name="Time">When.</param>
/// <param name="Properties">Local properties of the job that submitted it.</param>
[BusEvent]
public sealed record StageSubmitted(StageInfo StageInfo, long Time, IReadOnlyDictionary<string, string> Properties)
    : SparkListenerEvent(Time);

/// <summary>A stage attempt completed or failed (Spark's <c>SparkListenerStageCompleted</c>).</summary>
/// <param name="StageInfo">The stage, with its completion time and, on failure, its reason.</param>
/// <param name="Time">When.</param>
[BusEvent]
public sealed record StageCompleted(StageInfo StageInfo, long Time) : SparkListenerEvent(Time);

/// <summary>A straggler got a speculative copy (Spark's <c>SparkListenerSpeculativeTaskSubmitted</c>).</summary>
/// <param name="StageId">The stage.</param>
/// <param name="StageAttemptId">The stage attempt.</param>
/// <param name="TaskIndex">The partition of the straggler.</param>
/// <param name="Time">When.</param>
[BusEvent]
public sealed record SpeculativeTaskSubmitted(int StageId, int StageAttemptId, int TaskIndex, long Time)
    : SparkListenerEvent(Time);
