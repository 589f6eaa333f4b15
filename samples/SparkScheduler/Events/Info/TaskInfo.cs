namespace SparkScheduler.Events.Info;

/// <summary>Where a task locality preference was met (Spark's <c>TaskLocality</c>).</summary>
public enum TaskLocality
{
    /// <summary>The data is in the executor's own process.</summary>
    ProcessLocal,

    /// <summary>The data is on the same node.</summary>
    NodeLocal,

    /// <summary>The data is on the same rack.</summary>
    RackLocal,

    /// <summary>Anywhere.</summary>
    Any,
}

/// <summary>One attempt of a task (Spark's <c>TaskInfo</c>).</summary>
/// <param name="TaskId">Unique in the application, one per attempt.</param>
/// <param name="Index">The partition the task computes.</param>
/// <param name="Attempt">0 for the first attempt of this index.</param>
/// <param name="LaunchTime">When the attempt was launched, in epoch milliseconds.</param>
/// <param name="ExecutorId">The executor running it.</param>
/// <param name="Host">That executor's host.</param>
/// <param name="Locality">How close to its data it ran.</param>
/// <param name="Speculative">Whether this is a speculative copy of a straggler.</param>
public sealed record TaskInfo(
    long TaskId,
    int Index,
    int Attempt,
    long LaunchTime,
    string ExecutorId,
    string Host,
    TaskLocality Locality,
    bool Speculative);
