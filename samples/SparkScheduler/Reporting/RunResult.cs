using System;
using System.Collections.Generic;
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
    IReadOnlyList<ExpiredExecutor> Expired,
    EventCounter Firehose,
    long EventLogWritten,
    SimulationOutcome Outcome,
    TimeSpan Elapsed,
    TimeSpan DriverWaited,
    IReadOnlyList<Sample> Samples)
{
    /// <summary>The listener types in the order they are shown.</summary>
    public IEnumerable<ListenerStats> ListenersInOrder()
    {
        var listeners = new List<ListenerStats>(Stats.Listeners.Values);
        listeners.Sort((a, b) => string.CompareOrdinal(a.ListenerType.Name, b.ListenerType.Name));
        return listeners;
    }

    /// <summary>The queues in the order they are shown.</summary>
    public IEnumerable<QueueStats> QueuesInOrder()
    {
        foreach (string name in QueueNames.All)
        {
            if (Stats.Queues.TryGetValue(name, out QueueStats? q))
            {
                yield return q;
            }
        }
    }
}
