using System.Collections.Generic;
using GeneratedBus;
using SparkScheduler.Events.Info;

namespace SparkScheduler.Events;

/// <summary>An action submitted a job (Spark's <c>SparkListenerJobStart</c>).</summary>
/// <param name="JobId">The job id.</param>
/// <param name="Time">When it was submitted.</param>
/// <param name="StageInfos">Every stage the job may run, in dependency order.</param>
/// <param name="Properties">Local properties of the submitting thread (job group, description, pool).</param>
[BusEvent]
public sealed record JobStart(
    int JobId,
    long Time,
    IReadOnlyList<StageInfo> StageInfos,
    IReadOnlyDictionary<string, string> Properties) : SparkListenerEvent(Time);

/// <summary>A job finished (Spark's <c>SparkListenerJobEnd</c>).</summary>
/// <param name="JobId">The job id.</param>
/// <param name="Time">When it ended.</param>
/// <param name="Succeeded">Whether every stage succeeded.</param>
/// <param name="FailureReason">Why it failed, or null.</param>
[BusEvent]
public sealed record JobEnd(int JobId, long Time, bool Succeeded, string? FailureReason) : SparkListenerEvent(Time);
