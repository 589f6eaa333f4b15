using System.Collections.Generic;
using GeneratedBus;
using SparkScheduler.Events.Info;

namespace SparkScheduler.Events;

/// <summary>An executor registered with the driver (Spark's <c>SparkListenerExecutorAdded</c>).</summary>
/// <param name="Time">When.</param>
/// <param name="ExecutorId">Its id.</param>
/// <param name="ExecutorInfo">Where it runs and how many cores it has.</param>
[BusEvent]
public sealed record ExecutorAdded(long Time, string ExecutorId, ExecutorInfo ExecutorInfo) : SparkListenerEvent(Time);

/// <summary>The driver removed an executor (Spark's <c>SparkListenerExecutorRemoved</c>).</summary>
/// <param name="Time">When.</param>
/// <param name="ExecutorId">Its id.</param>
/// <param name="Reason">Why, as the cluster manager said it.</param>
[BusEvent]
public sealed record ExecutorRemoved(long Time, string ExecutorId, string Reason) : SparkListenerEvent(Time);

/// <summary>
/// An executor's heartbeat: metrics of its running tasks and of its JVM (Spark's
/// <c>SparkListenerExecutorMetricsUpdate</c>).
/// </summary>
/// <param name="ExecutorId">Its id.</param>
/// <param name="AccumUpdates">One entry per task it runs.</param>
/// <param name="ExecutorMetrics">Its memory gauges.</param>
/// <param name="Time">When the heartbeat arrived.</param>
[BusEvent]
public sealed record ExecutorMetricsUpdate(
    string ExecutorId,
    IReadOnlyList<TaskAccumulatorUpdate> AccumUpdates,
    ExecutorMetrics ExecutorMetrics,
    long Time) : SparkListenerEvent(Time);
