using GeneratedBus;

namespace SparkScheduler.Events;

/// <summary>Too many tasks failed on an executor: no new tasks go there for a while (Spark's <c>SparkListenerExecutorBlacklisted</c>).</summary>
/// <param name="Time">When.</param>
/// <param name="ExecutorId">The executor.</param>
/// <param name="TaskFailures">The failures that triggered it.</param>
[BusEvent]
public sealed record ExecutorBlacklisted(long Time, string ExecutorId, int TaskFailures) : SparkListenerEvent(Time);

/// <summary>The executor's blacklist timeout passed (Spark's <c>SparkListenerExecutorUnblacklisted</c>).</summary>
/// <param name="Time">When.</param>
/// <param name="ExecutorId">The executor.</param>
[BusEvent]
public sealed record ExecutorUnblacklisted(long Time, string ExecutorId) : SparkListenerEvent(Time);

/// <summary>Enough executors of a node are blacklisted that the node is (Spark's <c>SparkListenerNodeBlacklisted</c>).</summary>
/// <param name="Time">When.</param>
/// <param name="HostId">The node.</param>
/// <param name="ExecutorFailures">Blacklisted executors on it.</param>
[BusEvent]
public sealed record NodeBlacklisted(long Time, string HostId, int ExecutorFailures) : SparkListenerEvent(Time);

/// <summary>The node's blacklist timeout passed (Spark's <c>SparkListenerNodeUnblacklisted</c>).</summary>
/// <param name="Time">When.</param>
/// <param name="HostId">The node.</param>
[BusEvent]
public sealed record NodeUnblacklisted(long Time, string HostId) : SparkListenerEvent(Time);
