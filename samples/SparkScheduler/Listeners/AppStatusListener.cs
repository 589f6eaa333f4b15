using System.Collections.Generic;
using SparkScheduler.Events;
using SparkScheduler.Events.Info;
using SparkScheduler.Listeners.AppStatus;

namespace SparkScheduler.Listeners;

/// <summary>
/// Spark's AppStatusListener in small: keeps the state of live jobs, stages, tasks and executors and the durations of
/// finished ones (the run's "App status" summary), and in <see cref="Store"/> what Spark's History Server answers. Fed
/// by a run or by a replayed event log, the same events give the same answers. It runs alone on the <c>appStatus</c> queue, whose events it must all see, so that queue never drops.
/// </summary>
/// <remarks>Every field is touched only on the appStatus queue's thread; <see cref="Summary"/> is read after the bus stopped.</remarks>
internal sealed class AppStatusListener : SparkListener
{
    private readonly Dictionary<int, long> _liveJobs = [];
    private readonly Dictionary<(int Stage, int Attempt), long> _liveStages = [];
    private readonly Dictionary<long, long> _liveTasks = [];
    private readonly HashSet<string> _liveExecutors = [];
    private int _jobsSucceeded, _jobsFailed, _stagesCompleted, _stagesFailed;
    private long _tasksStarted, _tasksSucceeded, _tasksFailed, _tasksLost, _tasksKilled, _speculative, _resultsFetched;
    private int _executorsAdded, _executorsRemoved, _executorsBlacklisted, _nodesBlacklisted, _rddsUnpersisted;
    private long _blocksUpdated, _appStart, _appEnd;
    private Duration _jobs, _stages, _tasks;

    /// <summary>What the History Server would answer for the application so far: its jobs, stages and executors.</summary>
    public AppStatusStore Store { get; } = new();

    public override void OnApplicationStart(ApplicationStart e)
    {
        _appStart = e.Time;
        Store.OnApplicationStart(e);
    }

    public override void OnApplicationEnd(ApplicationEnd e)
    {
        _appEnd = e.Time;
        Store.OnApplicationEnd(e);
    }

    public override void OnLogStart(LogStart e) => Store.OnLogStart(e);

    public override void OnEnvironmentUpdate(EnvironmentUpdate e) => Store.OnEnvironmentUpdate(e);

    public override void OnResourceProfileAdded(ResourceProfileAdded e) => Store.OnResourceProfileAdded(e);

    public override void OnBlockManagerAdded(BlockManagerAdded e) => Store.OnBlockManagerAdded(e);

    public override void OnJobStart(JobStart e)
    {
        _liveJobs[e.JobId] = e.Time;
        Store.OnJobStart(e);
    }

    public override void OnJobEnd(JobEnd e)
    {
        Store.OnJobEnd(e);
        if (_liveJobs.Remove(e.JobId, out long start))
        {
            _jobs = _jobs.Add(e.Time - start);
        }

        if (e.Succeeded)
        {
            _jobsSucceeded++;
        }
        else
        {
            _jobsFailed++;
        }
    }

    public override void OnStageSubmitted(StageSubmitted e)
    {
        _liveStages[(e.StageInfo.StageId, e.StageInfo.AttemptNumber)] = e.StageInfo.SubmissionTime ?? e.Time;
        Store.OnStageSubmitted(e);
    }

    public override void OnStageCompleted(StageCompleted e)
    {
        Store.OnStageCompleted(e);
        if (_liveStages.Remove((e.StageInfo.StageId, e.StageInfo.AttemptNumber), out long submitted))
        {
            _stages = _stages.Add((e.StageInfo.CompletionTime ?? e.Time) - submitted);
        }

        if (e.StageInfo.FailureReason is null)
        {
            _stagesCompleted++;
        }
        else
        {
            _stagesFailed++;
        }
    }

    public override void OnTaskStart(TaskStart e)
    {
        Store.OnTaskStart(e);
        _tasksStarted++;
        _liveTasks[e.TaskInfo.TaskId] = e.TaskInfo.LaunchTime;
    }

    public override void OnTaskGettingResult(TaskGettingResult e) => _resultsFetched++;

    public override void OnTaskEnd(TaskEnd e)
    {
        Store.OnTaskEnd(e);
        if (_liveTasks.Remove(e.TaskInfo.TaskId, out long launched))
        {
            // A Spark log's TaskEnd has no time of its own, only its TaskInfo's finish time.
            _tasks = _tasks.Add((e.TaskInfo.FinishTime > 0 ? e.TaskInfo.FinishTime : e.Time) - launched);
        }

        switch (e.Reason.Kind)
        {
            case TaskEndKind.Success: _tasksSucceeded++; break;
            case TaskEndKind.ExceptionFailure: _tasksFailed++; break;
            case TaskEndKind.ExecutorLostFailure: _tasksLost++; break;
            default: _tasksKilled++; break;
        }
    }

    public override void OnSpeculativeTaskSubmitted(SpeculativeTaskSubmitted e) => _speculative++;

    public override void OnExecutorAdded(ExecutorAdded e)
    {
        Store.OnExecutorAdded(e);
        _executorsAdded++;
        _liveExecutors.Add(e.ExecutorId);
    }

    public override void OnExecutorRemoved(ExecutorRemoved e)
    {
        Store.OnExecutorRemoved(e);
        if (_liveExecutors.Remove(e.ExecutorId))
        {
            _executorsRemoved++;
        }
    }

    public override void OnExecutorBlacklisted(ExecutorBlacklisted e)
    {
        _executorsBlacklisted++;
        Store.OnExecutorExcluded(e.ExecutorId, excluded: true);
    }

    public override void OnExecutorUnblacklisted(ExecutorUnblacklisted e) => Store.OnExecutorExcluded(e.ExecutorId, excluded: false);

    public override void OnNodeBlacklisted(NodeBlacklisted e)
    {
        _nodesBlacklisted++;
        Store.OnNodeExcluded(e.HostId, excluded: true);
    }

    public override void OnNodeUnblacklisted(NodeUnblacklisted e) => Store.OnNodeExcluded(e.HostId, excluded: false);

    public override void OnBlockUpdated(BlockUpdated e) => _blocksUpdated++;

    public override void OnUnpersistRdd(UnpersistRdd e) => _rddsUnpersisted++;

    /// <summary>The state at the end of the run.</summary>
    public AppStatusSummary Summary() => new(
        _jobsSucceeded, _jobsFailed, _stagesCompleted, _stagesFailed,
        _tasksStarted, _tasksSucceeded, _tasksFailed, _tasksLost, _tasksKilled, _speculative, _resultsFetched,
        _executorsAdded, _executorsRemoved, _executorsBlacklisted, _nodesBlacklisted, _blocksUpdated, _rddsUnpersisted,
        _appEnd - _appStart, _jobs, _stages, _tasks, Store.Application?.AppId ?? "", Store.Application?.Name ?? "");
}
