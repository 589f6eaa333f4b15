using GeneratedBus;
using SparkScheduler.Events.Info;

namespace SparkScheduler.Events;

/// <summary>A task attempt was launched (Spark's <c>SparkListenerTaskStart</c>).</summary>
/// <param name="StageId">Its stage.</param>
/// <param name="StageAttemptId">Its stage attempt.</param>
/// <param name="TaskInfo">The attempt.</param>
/// <param name="Time">When.</param>
[BusEvent]
public sealed record TaskStart(int StageId, int StageAttemptId, TaskInfo TaskInfo, long Time) : SparkListenerEvent(Time);

/// <summary>
/// A finished task's result is being fetched from the block manager, because it was too large to send directly
/// (Spark's <c>SparkListenerTaskGettingResult</c>).
/// </summary>
/// <param name="TaskInfo">The attempt.</param>
/// <param name="Time">When.</param>
[BusEvent]
public sealed record TaskGettingResult(TaskInfo TaskInfo, long Time) : SparkListenerEvent(Time);

/// <summary>A task attempt ended (Spark's <c>SparkListenerTaskEnd</c>).</summary>
/// <param name="StageId">Its stage.</param>
/// <param name="StageAttemptId">Its stage attempt.</param>
/// <param name="TaskType"><c>ShuffleMapTask</c> or <c>ResultTask</c>.</param>
/// <param name="Reason">How it ended.</param>
/// <param name="TaskInfo">The attempt.</param>
/// <param name="Metrics">What it measured; null when its executor was lost.</param>
/// <param name="Time">When.</param>
[BusEvent]
public sealed record TaskEnd(
    int StageId,
    int StageAttemptId,
    string TaskType,
    TaskEndReason Reason,
    TaskInfo TaskInfo,
    TaskMetrics? Metrics,
    long Time) : SparkListenerEvent(Time);
