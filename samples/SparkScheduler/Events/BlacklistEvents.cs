using System.Text.Json.Serialization;
using GeneratedBus;

namespace SparkScheduler.Events;

// Spark 2.x wrote these four through Jackson's class-name fallback: their "Event" is the Java class name and their
// members are camelCase, so the fully qualified name is an alias the reader accepts (and only ever compares as text).

/// <summary>Too many tasks failed on an executor: no new tasks go there for a while (Spark's <c>SparkListenerExecutorBlacklisted</c>).</summary>
/// <param name="Time">When.</param>
/// <param name="ExecutorId">The executor.</param>
/// <param name="TaskFailures">The failures that triggered it.</param>
[BusEvent("SparkListenerExecutorBlacklisted", Aliases = new[] { "org.apache.spark.scheduler.SparkListenerExecutorBlacklisted" })]
public sealed record ExecutorBlacklisted(
    [property: JsonPropertyName("time")] long Time,
    [property: JsonPropertyName("executorId")] string ExecutorId,
    [property: JsonPropertyName("taskFailures")] int TaskFailures) : SparkListenerEvent;

/// <summary>The executor's blacklist timeout passed (Spark's <c>SparkListenerExecutorUnblacklisted</c>).</summary>
/// <param name="Time">When.</param>
/// <param name="ExecutorId">The executor.</param>
[BusEvent("SparkListenerExecutorUnblacklisted", Aliases = new[] { "org.apache.spark.scheduler.SparkListenerExecutorUnblacklisted" })]
public sealed record ExecutorUnblacklisted(
    [property: JsonPropertyName("time")] long Time,
    [property: JsonPropertyName("executorId")] string ExecutorId) : SparkListenerEvent;

/// <summary>Enough executors of a node are blacklisted that the node is (Spark's <c>SparkListenerNodeBlacklisted</c>).</summary>
/// <param name="Time">When.</param>
/// <param name="HostId">The node.</param>
/// <param name="ExecutorFailures">Blacklisted executors on it.</param>
[BusEvent("SparkListenerNodeBlacklisted", Aliases = new[] { "org.apache.spark.scheduler.SparkListenerNodeBlacklisted" })]
public sealed record NodeBlacklisted(
    [property: JsonPropertyName("time")] long Time,
    [property: JsonPropertyName("hostId")] string HostId,
    [property: JsonPropertyName("executorFailures")] int ExecutorFailures) : SparkListenerEvent;

/// <summary>The node's blacklist timeout passed (Spark's <c>SparkListenerNodeUnblacklisted</c>).</summary>
/// <param name="Time">When.</param>
/// <param name="HostId">The node.</param>
[BusEvent("SparkListenerNodeUnblacklisted", Aliases = new[] { "org.apache.spark.scheduler.SparkListenerNodeUnblacklisted" })]
public sealed record NodeUnblacklisted(
    [property: JsonPropertyName("time")] long Time,
    [property: JsonPropertyName("hostId")] string HostId) : SparkListenerEvent;
