using System.Collections.Generic;
using System.Text.Json.Serialization;
using GeneratedBus;
using SparkScheduler.Events.Info;

namespace SparkScheduler.Events;

/// <summary>An action submitted a job (Spark's <c>SparkListenerJobStart</c>).</summary>
/// <param name="JobId">The job id.</param>
/// <param name="Time">When it was submitted (0 in Spark 1.2 logs, which do not say).</param>
/// <param name="StageInfos">Every stage the job may run, in dependency order.</param>
/// <param name="Properties">Local properties of the submitting thread (job group, description, pool); null when a log has none.</param>
[BusEvent("SparkListenerJobStart")]
public sealed record JobStart(
    [property: JsonPropertyName("Job ID")] int JobId,
    [property: JsonPropertyName("Submission Time")] long Time,
    [property: JsonPropertyName("Stage Infos")] IReadOnlyList<StageInfo> StageInfos,
    [property: JsonPropertyName("Properties")] IReadOnlyDictionary<string, string>? Properties) : SparkListenerEvent;

/// <summary>A job finished (Spark's <c>SparkListenerJobEnd</c>).</summary>
/// <param name="JobId">The job id.</param>
/// <param name="Time">When it ended (0 in Spark 1.2 logs, which do not say).</param>
/// <param name="Result">How it ended.</param>
[BusEvent("SparkListenerJobEnd")]
public sealed record JobEnd(
    [property: JsonPropertyName("Job ID")] int JobId,
    [property: JsonPropertyName("Completion Time")] long Time,
    [property: JsonPropertyName("Job Result")] JobResult Result) : SparkListenerEvent
{
    /// <summary>Whether every stage succeeded.</summary>
    public bool Succeeded => Result.Succeeded;

    /// <summary>Why it failed, or null.</summary>
    public string? FailureReason => Result.Exception?.Message;
}
