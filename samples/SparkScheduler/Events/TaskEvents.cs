using System.Text.Json.Serialization;
using GeneratedBus;
using SparkScheduler.Events.Info;

namespace SparkScheduler.Events;

/// <summary>A task attempt was launched (Spark's <c>SparkListenerTaskStart</c>).</summary>
/// <param name="StageId">Its stage.</param>
/// <param name="StageAttemptId">Its stage attempt.</param>
/// <param name="TaskInfo">The attempt.</param>
/// <param name="Time">When (not in Spark's logs: read <see cref="TaskInfo.LaunchTime"/>).</param>
[BusEvent("SparkListenerTaskStart")]
public sealed record TaskStart(
    [property: JsonPropertyName("Stage ID")] int StageId,
    [property: JsonPropertyName("Stage Attempt ID")] int StageAttemptId,
    [property: JsonPropertyName("Task Info")] TaskInfo TaskInfo,
    long Time) : SparkListenerEvent;

/// <summary>
/// A finished task's result is being fetched from the block manager, because it was too large to send directly
/// (Spark's <c>SparkListenerTaskGettingResult</c>).
/// </summary>
/// <param name="TaskInfo">The attempt.</param>
/// <param name="Time">When.</param>
[BusEvent("SparkListenerTaskGettingResult")]
public sealed record TaskGettingResult([property: JsonPropertyName("Task Info")] TaskInfo TaskInfo, long Time) : SparkListenerEvent;

/// <summary>A task attempt ended (Spark's <c>SparkListenerTaskEnd</c>).</summary>
/// <param name="StageId">Its stage.</param>
/// <param name="StageAttemptId">Its stage attempt.</param>
/// <param name="TaskType"><c>ShuffleMapTask</c> or <c>ResultTask</c>.</param>
/// <param name="Reason">How it ended.</param>
/// <param name="TaskInfo">The attempt.</param>
/// <param name="Metrics">What it measured; null when its executor was lost.</param>
/// <param name="Time">When (not in Spark's logs: read <see cref="TaskInfo.FinishTime"/>).</param>
[BusEvent("SparkListenerTaskEnd")]
public sealed record TaskEnd(
    [property: JsonPropertyName("Stage ID")] int StageId,
    [property: JsonPropertyName("Stage Attempt ID")] int StageAttemptId,
    [property: JsonPropertyName("Task Type")] string TaskType,
    [property: JsonPropertyName("Task End Reason")] TaskEndReason Reason,
    [property: JsonPropertyName("Task Info")] TaskInfo TaskInfo,
    [property: JsonPropertyName("Task Metrics")] TaskMetrics? Metrics,
    long Time) : SparkListenerEvent;
