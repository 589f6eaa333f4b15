using System.Collections.Generic;
using System.Text.Json.Serialization;
using GeneratedBus;
using SparkScheduler.Events.Info;

namespace SparkScheduler.Events;

/// <summary>An executor registered with the driver (Spark's <c>SparkListenerExecutorAdded</c>).</summary>
/// <param name="Time">When.</param>
/// <param name="ExecutorId">Its id.</param>
/// <param name="ExecutorInfo">Where it runs and how many cores it has.</param>
[BusEvent("SparkListenerExecutorAdded")]
public sealed record ExecutorAdded(
    [property: JsonPropertyName("Timestamp")] long Time,
    [property: JsonPropertyName("Executor ID")] string ExecutorId,
    [property: JsonPropertyName("Executor Info")] ExecutorInfo ExecutorInfo) : SparkListenerEvent;

/// <summary>The driver removed an executor (Spark's <c>SparkListenerExecutorRemoved</c>).</summary>
/// <param name="Time">When.</param>
/// <param name="ExecutorId">Its id.</param>
/// <param name="Reason">Why, as the cluster manager said it.</param>
[BusEvent("SparkListenerExecutorRemoved")]
public sealed record ExecutorRemoved(
    [property: JsonPropertyName("Timestamp")] long Time,
    [property: JsonPropertyName("Executor ID")] string ExecutorId,
    [property: JsonPropertyName("Removed Reason")] string Reason) : SparkListenerEvent;

/// <summary>
/// An executor's heartbeat: metrics of its running tasks and of its JVM (Spark's
/// <c>SparkListenerExecutorMetricsUpdate</c>).
/// </summary>
/// <param name="ExecutorId">Its id.</param>
/// <param name="AccumUpdates">One entry per task it runs.</param>
/// <param name="ExecutorMetrics">Its memory gauges.</param>
/// <param name="Time">When the heartbeat arrived.</param>
[BusEvent("SparkListenerExecutorMetricsUpdate")]
public sealed record ExecutorMetricsUpdate(
    [property: JsonPropertyName("Executor ID")] string ExecutorId,
    [property: JsonPropertyName("Metrics Updated")] IReadOnlyList<TaskAccumulatorUpdate> AccumUpdates,
    [property: JsonPropertyName("Executor Metrics")] ExecutorMetrics ExecutorMetrics,
    long Time) : SparkListenerEvent;

/// <summary>An executor's peak memory gauges while a stage ran (Spark's <c>SparkListenerStageExecutorMetrics</c>).</summary>
/// <param name="ExecutorId">The executor, or "driver".</param>
/// <param name="StageId">The stage.</param>
/// <param name="StageAttemptId">The stage attempt.</param>
/// <param name="ExecutorMetrics">The peaks.</param>
/// <param name="Time">Not in Spark's logs: 0.</param>
[BusEvent("SparkListenerStageExecutorMetrics")]
public sealed record StageExecutorMetrics(
    [property: JsonPropertyName("Executor ID")] string ExecutorId,
    [property: JsonPropertyName("Stage ID")] int StageId,
    [property: JsonPropertyName("Stage Attempt ID")] int StageAttemptId,
    [property: JsonPropertyName("Executor Metrics")] ExecutorMetrics ExecutorMetrics,
    long Time = 0) : SparkListenerEvent;
