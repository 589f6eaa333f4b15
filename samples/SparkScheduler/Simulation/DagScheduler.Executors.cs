using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SparkScheduler.Events;
using SparkScheduler.Events.Info;
using SparkScheduler.Listeners.Liveness;

namespace SparkScheduler.Simulation;

/// <summary>Executors joining, heartbeating, being blacklisted, killed, hanging and being replaced.</summary>
internal sealed partial class DagScheduler
{
    /// <summary>Task failures on one executor that blacklist it (Spark's maxFailedTasksPerExecutor is 2).</summary>
    private const int FailuresToBlacklist = 2;

    private static readonly TimeSpan BlacklistTimeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan ReplacementDelay = TimeSpan.FromSeconds(5);

    // Hosts a NodeBlacklisted was posted for and no NodeUnblacklisted yet, so the two always come in pairs.
    private readonly HashSet<string> _blacklistedNodes = new(StringComparer.Ordinal);

    private void AddExecutor(long at)
    {
        int number = _executors.Count + 1;
        string id = number.ToString(CultureInfo.InvariantCulture);

        // Two executors per worker node, as a YARN node with two containers.
        string host = $"worker-{((number - 1) / 2) + 1:D3}.cluster.local";
        var executor = new ExecutorState(id, host, _options.CoresPerExecutor, at);
        _executors.Add(executor);
        var logs = new Dictionary<string, string>
        {
            ["stdout"] = $"http://{host}:8042/node/containerlogs/container_{number:D6}/spark/stdout",
            ["stderr"] = $"http://{host}:8042/node/containerlogs/container_{number:D6}/spark/stderr",
        };
        Advance(Math.Max(_now, at));
        Post(new ExecutorAdded(_now, id, new ExecutorInfo(host, _options.CoresPerExecutor, logs)));
        Post(new BlockManagerAdded(_now, executor.BlockManager, 4L << 30));
        executor.LastHeartbeat = _now;
        Schedule(_now + (long)_options.HeartbeatInterval.TotalMilliseconds, new Happening(HappeningKind.Heartbeat, Executor: executor));
    }

    // Killed and hung executors are picked among the first ones, at seeded moments in the first half of the
    // application's expected length, so the run has time to notice and recover.
    private void ScheduleExecutorFailures()
    {
        long slots = (long)_options.Executors * _options.CoresPerExecutor;
        long expectedMs = (long)_options.Jobs * _options.StagesPerJob * Math.Max(1, _options.TasksPerStage / slots) * 1_150;
        int[] victims = Enumerable.Range(0, _options.Executors).OrderBy(_ => _random.Next()).ToArray();
        for (int i = 0; i < _options.LostExecutors + _options.HungExecutors; i++)
        {
            long at = StartMs + (long)(expectedMs * (0.1 + (0.4 * _random.NextDouble())));
            HappeningKind kind = i < _options.LostExecutors ? HappeningKind.ExecutorKilled : HappeningKind.ExecutorHangs;
            Schedule(at, new Happening(kind, Executor: _executors[victims[i]]));
        }
    }

    private void Heartbeat(ExecutorState executor)
    {
        if (!executor.Alive)
        {
            return;
        }

        var metrics = new ExecutorMetrics(
            JvmHeapMemory: (1L << 30) + (executor.Running.Count * (128L << 20)),
            OnHeapExecutionMemory: executor.Running.Count * (64L << 20),
            OnHeapStorageMemory: 256L << 20,
            MinorGcCount: (_now - StartMs) / 2_000,
            MajorGcCount: (_now - StartMs) / 120_000);
        Post(new ExecutorMetricsUpdate(executor.Id, AccumUpdates(executor, _now), metrics, _now));
        executor.LastHeartbeat = _now;
        Schedule(_now + (long)_options.HeartbeatInterval.TotalMilliseconds, new Happening(HappeningKind.Heartbeat, Executor: executor));
    }

    private void KillExecutor(ExecutorState executor)
    {
        if (!executor.Alive)
        {
            return;
        }

        string reason = $"Container killed by YARN for exceeding memory limits. 9.1 GB of 9 GB physical memory used (executor {executor.Id})";
        Remove(executor, reason);
    }

    // The executor stops answering; until it is removed its tasks look like they still run. In Spark the
    // HeartbeatReceiver's expiry check tells the scheduler to kill it. Here the liveness listener judges on another
    // thread, behind its queue, so the driver does not wait for that verdict: it applies the same ExpiryRule from the
    // same first check and removes the executor just after the check that expires it. The run compares the two.
    private void Hang(ExecutorState executor)
    {
        if (!executor.Alive)
        {
            return;
        }

        executor.Hung = true;
        long expiresAt = ExpiryRule.FirstExpiringCheck(_firstExpiryCheckMs, executor.LastHeartbeat, _options.ExecutorTimeout);

        // Just after the check, so the liveness listener's verdict at that check comes before the removal.
        Schedule(expiresAt + 1, new Happening(HappeningKind.HungExecutorExpired, Executor: executor));
    }

    private void ExpireHungExecutor(ExecutorState executor)
    {
        long silentMs = _now - executor.LastHeartbeat;
        _hungRemoved.Add(executor.Id);
        Remove(executor, $"Executor heartbeat timed out after {silentMs} ms");
    }

    private void Remove(ExecutorState executor, string reason)
    {
        LoseTasksOf(executor, $"ExecutorLostFailure (executor {executor.Id} exited): {reason}");
        executor.Removed = true;
        executor.Hung = false;
        Post(new ExecutorRemoved(_now, executor.Id, reason));
        Post(new BlockManagerRemoved(_now, executor.BlockManager));
        Schedule(_now + (long)ReplacementDelay.TotalMilliseconds, new Happening(HappeningKind.ExecutorReplaced));
    }

    private void CountFailure(ExecutorState executor)
    {
        if (executor.Blacklisted || ++executor.RecentFailures < FailuresToBlacklist || !executor.Alive)
        {
            return;
        }

        executor.Blacklisted = true;
        Post(new ExecutorBlacklisted(_now, executor.Id, executor.RecentFailures));
        if (_executors.Where(e => e.Host == executor.Host && e.Alive).All(e => e.Blacklisted) && _blacklistedNodes.Add(executor.Host))
        {
            Post(new NodeBlacklisted(_now, executor.Host, _executors.Count(e => e.Host == executor.Host && e.Blacklisted)));
        }

        Schedule(_now + (long)BlacklistTimeout.TotalMilliseconds, new Happening(HappeningKind.Unblacklist, Executor: executor));
    }

    // The first executor of a blacklisted node to come off the blacklist takes the node off it too.
    private void Unblacklist(ExecutorState executor)
    {
        executor.Blacklisted = false;
        executor.RecentFailures = 0;
        if (executor.Alive)
        {
            Post(new ExecutorUnblacklisted(_now, executor.Id));
        }

        if (_blacklistedNodes.Remove(executor.Host))
        {
            Post(new NodeUnblacklisted(_now, executor.Host));
        }
    }
}
