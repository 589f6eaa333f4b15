using System;
using System.Collections.Generic;
using System.Linq;
using GeneratedBus;
using SparkScheduler.Cli;
using SparkScheduler.Listeners;
using SparkScheduler.Listeners.Liveness;
using SparkScheduler.Simulation;

namespace SparkScheduler.Reporting;

/// <summary>Everything a finished run knows, for the table and the report.</summary>
internal sealed record RunResult(
    SchedulerOptions Options,
    BusStats Stats,
    AppStatusSummary AppStatus,
    LivenessResult Liveness,
    EventCounter Firehose,
    long EventLogWritten,
    SimulationOutcome Outcome,
    TimeSpan Elapsed,
    IReadOnlyDictionary<string, ProducerWaits> Waits,
    IReadOnlyList<Sample> Samples)
{
    /// <summary>The run's Spark event log, as its writer finished it.</summary>
    public string EventLogPath { get; init; } = "";

    /// <summary>Lines the event-log writer could not write (counted and logged, never thrown into the bus).</summary>
    public long EventLogWriteFailures { get; init; }

    /// <summary>How long the driver waited for room in the queues that must not drop, in all.</summary>
    public TimeSpan DriverWaited => Waits.Values.Aggregate(TimeSpan.Zero, (sum, w) => sum + w.Waited);

    /// <summary>How often the driver waited for room in <paramref name="queue"/>, and for how long.</summary>
    public ProducerWaits WaitsOf(string queue) => Waits.GetValueOrDefault(queue) ?? new ProducerWaits(0, TimeSpan.Zero);

    /// <summary>The listener types in the order they are shown.</summary>
    public IEnumerable<ListenerStats> ListenersInOrder()
    {
        var listeners = new List<ListenerStats>(Stats.Listeners.Values);
        listeners.Sort((a, b) => string.CompareOrdinal(a.ListenerType.Name, b.ListenerType.Name));
        return listeners;
    }

    /// <summary>What the Redis publisher did (<c>--redis</c> only): the run's bridge line.</summary>
    public Redis.PublishedRun? Redis { get; init; }

    /// <summary>The queues in the order they are shown (the <c>redis</c> queue last, when there is one).</summary>
    public IEnumerable<QueueStats> QueuesInOrder()
    {
        foreach (string name in QueueNames.Shown)
        {
            if (Stats.Queues.TryGetValue(name, out QueueStats? q))
            {
                yield return q;
            }
        }
    }

    /// <summary>Whether a queue accounts for every event it was given: posted = processed + dropped.</summary>
    public static bool Balanced(QueueStats q) => q.Posted == q.Processed + q.Dropped;

    /// <summary>
    /// What makes the run's numbers untrustworthy, one sentence each: a queue that must not drop dropped, a queue that
    /// does not balance, a liveness message that failed, or expiries that differ from the hung executors the driver
    /// removed. Empty for a good run.
    /// </summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        foreach (QueueStats q in QueuesInOrder())
        {
            if (q.Dropped > 0 && QueueNames.MustNotDrop.Contains(q.Name))
            {
                problems.Add($"Queue '{q.Name}' must not drop but dropped {q.Dropped} events, so its listeners' numbers are incomplete; a Wait queue drops only an event a listener posted into it while it was full, or one the driver still waited to place at Stop.");
            }

            if (!Balanced(q))
            {
                problems.Add($"Queue '{q.Name}' does not balance: posted {q.Posted} != processed {q.Processed} + dropped {q.Dropped}.");
            }
        }

        if (EventLogWriteFailures > 0)
        {
            problems.Add($"The event log could not write {EventLogWriteFailures} events ({EventLogPath}); its closing record says so.");
        }

        if (Redis is { Balance.IsBalanced: false })
        {
            problems.Add($"The Redis publisher does not balance: {Redis.Balance}.");
        }

        if (Liveness.Failures > 0)
        {
            problems.Add($"The executor-liveness loop failed to handle {Liveness.Failures} messages, so its expiries may be wrong.");
        }

        string[] expired = Liveness.Expired.Select(x => x.ExecutorId).Order(StringComparer.Ordinal).ToArray();
        string[] hung = Outcome.HungExecutorsRemoved.Order(StringComparer.Ordinal).ToArray();
        if (!expired.SequenceEqual(hung, StringComparer.Ordinal))
        {
            problems.Add($"The liveness listener expired [{string.Join(", ", expired)}] but the driver removed hung executors [{string.Join(", ", hung)}].");
        }

        return problems;
    }
}
