using System.Text.Json.Serialization;

namespace SparkScheduler.Events.Info;

/// <summary>The accumulator updates a heartbeat carries for one running task.</summary>
/// <param name="TaskId">The task attempt.</param>
/// <param name="StageId">Its stage.</param>
/// <param name="StageAttemptId">Its stage attempt.</param>
/// <param name="RunTimeSoFar">Milliseconds it has run.</param>
public sealed record TaskAccumulatorUpdate(
    [property: JsonPropertyName("Task ID")] long TaskId,
    [property: JsonPropertyName("Stage ID")] int StageId,
    [property: JsonPropertyName("Stage Attempt ID")] int StageAttemptId,
    [property: JsonPropertyName("Run Time So Far")] long RunTimeSoFar);
