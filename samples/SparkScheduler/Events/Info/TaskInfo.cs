using System.Text.Json.Serialization;

namespace SparkScheduler.Events.Info;

/// <summary>Where a task locality preference was met (Spark's <c>TaskLocality</c>, under the names its logs use).</summary>
#pragma warning disable CA1707 // Spark's own names, which its event logs carry.
public enum TaskLocality
{
    /// <summary>The data is in the executor's own process.</summary>
    PROCESS_LOCAL,

    /// <summary>The data is on the same node.</summary>
    NODE_LOCAL,

    /// <summary>The data is on the same rack.</summary>
    RACK_LOCAL,

    /// <summary>Anywhere.</summary>
    ANY,

    /// <summary>The task has no preference.</summary>
    NO_PREF,
}
#pragma warning restore CA1707

/// <summary>One attempt of a task (Spark's <c>TaskInfo</c>).</summary>
/// <param name="TaskId">Unique in the application, one per attempt.</param>
/// <param name="Index">The partition the task computes.</param>
/// <param name="Attempt">0 for the first attempt of this index.</param>
/// <param name="LaunchTime">When the attempt was launched, in epoch milliseconds.</param>
/// <param name="ExecutorId">The executor running it.</param>
/// <param name="Host">That executor's host.</param>
/// <param name="Locality">How close to its data it ran.</param>
/// <param name="Speculative">Whether this is a speculative copy of a straggler.</param>
/// <param name="FinishTime">When it finished, 0 while it runs (the simulation posts the launch info: see <c>TaskEnd.Time</c>).</param>
public sealed record TaskInfo(
    [property: JsonPropertyName("Task ID")] long TaskId,
    [property: JsonPropertyName("Index")] int Index,
    [property: JsonPropertyName("Attempt")] int Attempt,
    [property: JsonPropertyName("Launch Time")] long LaunchTime,
    [property: JsonPropertyName("Executor ID")] string ExecutorId,
    [property: JsonPropertyName("Host")] string Host,
    [property: JsonPropertyName("Locality")] TaskLocality Locality,
    [property: JsonPropertyName("Speculative")] bool Speculative,
    [property: JsonPropertyName("Finish Time")] long FinishTime = 0);
