using System.Collections.Generic;
using System.Text.Json.Serialization;
using GeneratedBus;
using SparkScheduler.Events.Info;

namespace SparkScheduler.Events;

/// <summary>A stage attempt was submitted (Spark's <c>SparkListenerStageSubmitted</c>).</summary>
/// <param name="StageInfo">The stage, with its submission time set.</param>
/// <param name="Time">When (not in Spark's logs: read <see cref="StageInfo.SubmissionTime"/>).</param>
/// <param name="Properties">Local properties of the job that submitted it; null when a log has none.</param>
[BusEvent("SparkListenerStageSubmitted")]
public sealed record StageSubmitted(
    [property: JsonPropertyName("Stage Info")] StageInfo StageInfo,
    long Time,
    [property: JsonPropertyName("Properties")] IReadOnlyDictionary<string, string>? Properties) : SparkListenerEvent;

/// <summary>A stage attempt completed or failed (Spark's <c>SparkListenerStageCompleted</c>).</summary>
/// <param name="StageInfo">The stage, with its completion time and, on failure, its reason.</param>
/// <param name="Time">When (not in Spark's logs: read <see cref="StageInfo.CompletionTime"/>).</param>
[BusEvent("SparkListenerStageCompleted")]
public sealed record StageCompleted([property: JsonPropertyName("Stage Info")] StageInfo StageInfo, long Time) : SparkListenerEvent;

/// <summary>A straggler got a speculative copy (Spark's <c>SparkListenerSpeculativeTaskSubmitted</c>).</summary>
/// <param name="StageId">The stage.</param>
/// <param name="StageAttemptId">The stage attempt.</param>
/// <param name="TaskIndex">The partition of the straggler.</param>
/// <param name="Time">When.</param>
[BusEvent("SparkListenerSpeculativeTaskSubmitted")]
public sealed record SpeculativeTaskSubmitted(
    [property: JsonPropertyName("Stage ID")] int StageId,
    [property: JsonPropertyName("Stage Attempt ID")] int StageAttemptId,
    [property: JsonPropertyName("Task Index")] int TaskIndex,
    long Time) : SparkListenerEvent;
