using System.Collections.Generic;
using SparkScheduler.Events.Info;

namespace SparkScheduler.Simulation;

/// <summary>The simulated driver's view of one executor.</summary>
internal sealed class ExecutorState(string id, string host, int cores, long addedAt)
{
    public string Id { get; } = id;

    public string Host { get; } = host;

    public int Cores { get; } = cores;

    public BlockManagerId BlockManager { get; } = new(id, host, 7_337);

    public int FreeCores { get; set; } = cores;

    public List<TaskAttempt> Running { get; } = [];

    /// <summary>Gone for good: killed, or hung and then expired.</summary>
    public bool Removed { get; set; }

    /// <summary>Stopped answering: no heartbeats, and its tasks never report back.</summary>
    public bool Hung { get; set; }

    public bool Blacklisted { get; set; }

    /// <summary>Task failures since it was last blacklisted.</summary>
    public int RecentFailures { get; set; }

    public long LastHeartbeat { get; set; } = addedAt;

    /// <summary>Whether the scheduler may launch a task here now.</summary>
    public bool CanLaunch => FreeCores > 0 && !Removed && !Hung && !Blacklisted;

    public bool Alive => !Removed && !Hung;
}
