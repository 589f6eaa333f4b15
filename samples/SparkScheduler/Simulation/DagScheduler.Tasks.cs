using System;
using System.Collections.Generic;
using SparkScheduler.Events;
using SparkScheduler.Events.Info;

namespace SparkScheduler.Simulation;

/// <summary>Launching tasks on free slots, and everything that can end an attempt.</summary>
internal sealed partial class DagScheduler
{
    private long _nextTaskId;
    private int _nextExecutorToTry;

    private void LaunchTasks(StageRun stage)
    {
        while (stage.Pending.Count > 0)
        {
            ExecutorState? executor = NextFreeExecutor();
            if (executor is null)
            {
                return;
            }

            PendingTask task = stage.Pending.Dequeue();
            if (stage.Done[task.Index])
            {
                continue;
            }

            Launch(stage, task, executor);
        }
    }

    // Round-robin over executors, so load spreads as Spark's offers do.
    private ExecutorState? NextFreeExecutor()
    {
        for (int tried = 0; tried < _executors.Count; tried++)
        {
            ExecutorState candidate = _executors[_nextExecutorToTry];
            _nextExecutorToTry = (_nextExecutorToTry + 1) % _executors.Count;
            if (candidate.CanLaunch)
            {
                return candidate;
            }
        }

        return null;
    }

    private void Launch(StageRun stage, PendingTask task, ExecutorState executor)
    {
        int attemptNumber = stage.AttemptsLaunched[task.Index]++;
        var locality = (TaskLocality)Math.Min(_random.Next(8), 3);
        var info = new TaskInfo(_nextTaskId++, task.Index, attemptNumber, _now, executor.Id, executor.Host, locality, task.Speculative);
        var attempt = new TaskAttempt(stage, info, executor, willFail: _random.NextDouble() < _options.TaskFailureRate);
        executor.FreeCores--;
        executor.Running.Add(attempt);
        (stage.Running[task.Index] ??= []).Add(attempt);
        Post(new TaskStart(stage.Info.StageId, stage.Info.AttemptNumber, info, _now));

        // Durations spread around the stage's typical one; one task in a hundred straggles and gets a speculative copy.
        double factor = 0.6 + _random.NextDouble();
        bool straggler = !task.Speculative && _random.Next(100) == 0;
        long duration = (long)(stage.TypicalTaskMs * (straggler ? 6 : factor) * (attempt.WillFail ? 0.5 : 1));
        Schedule(_now + duration, new Happening(HappeningKind.TaskFinished, Attempt: attempt));
        if (straggler)
        {
            Schedule(_now + (2 * stage.TypicalTaskMs), new Happening(HappeningKind.SpeculationCheck, Attempt: attempt));
        }
    }

    private void FinishTask(TaskAttempt attempt)
    {
        // A hung executor's tasks never report back; they end when the executor expires.
        if (attempt.Ended || attempt.Executor.Hung)
        {
            return;
        }

        StageRun stage = attempt.Stage;
        int index = attempt.Info.Index;
        if (attempt.WillFail)
        {
            EndAttempt(attempt, new TaskEndReason(TaskEndKind.ExceptionFailure, $"java.io.IOException: Connection reset by peer (task {attempt.Info.TaskId})"), Metrics(attempt));
            CountFailure(attempt.Executor);
            if (++stage.Failures[index] >= StageRun.MaxTaskFailures)
            {
                FailStage(stage, $"Task {index} in stage {stage.Info.StageId}.0 failed {StageRun.MaxTaskFailures} times; most recent failure: java.io.IOException");
            }
            else
            {
                Resubmit(stage, index);
            }

            return;
        }

        if (stage.IsResultStage && _random.Next(10) == 0)
        {
            Post(new TaskGettingResult(attempt.Info, _now));
        }

        EndAttempt(attempt, TaskEndReason.Success, Metrics(attempt));
        if (stage.Cached)
        {
            long size = 1_000_000 + _random.Next(4_000_000);
            Post(new BlockUpdated(attempt.Executor.BlockManager, $"rdd_{stage.Info.RddId}_{index}", "MEMORY_AND_DISK", size, 0, _now));
        }

        stage.Done[index] = true;
        stage.Remaining--;
        KillOtherAttempts(stage, index, "another attempt succeeded");
    }

    private void Speculate(TaskAttempt straggler)
    {
        StageRun stage = straggler.Stage;
        if (straggler.Ended || stage.Finished || stage.Done[straggler.Info.Index] || straggler.SpeculationRequested)
        {
            return;
        }

        straggler.SpeculationRequested = true;
        Post(new SpeculativeTaskSubmitted(stage.Info.StageId, stage.Info.AttemptNumber, straggler.Info.Index, _now));
        stage.Pending.Enqueue(new PendingTask(straggler.Info.Index, Speculative: true));
    }

    private void FailStage(StageRun stage, string reason)
    {
        stage.FailureReason = reason;
        stage.Pending.Clear();
        for (int i = 0; i < stage.Running.Length; i++)
        {
            KillOtherAttempts(stage, i, "Stage cancelled");
        }
    }

    private void KillOtherAttempts(StageRun stage, int index, string why)
    {
        if (stage.Running[index] is not { Count: > 0 } running)
        {
            return;
        }

        foreach (TaskAttempt other in running.ToArray())
        {
            EndAttempt(other, new TaskEndReason(TaskEndKind.TaskKilled, why, KillReason: why), metrics: null);
        }
    }

    // The executor is gone: its tasks failed through no fault of their own and run again elsewhere.
    private void LoseTasksOf(ExecutorState executor, string why)
    {
        foreach (TaskAttempt attempt in executor.Running.ToArray())
        {
            EndAttempt(attempt, new TaskEndReason(TaskEndKind.ExecutorLostFailure, why, LossReason: why), metrics: null);
            Resubmit(attempt.Stage, attempt.Info.Index);
        }
    }

    private void Resubmit(StageRun stage, int index)
    {
        if (!stage.Finished && !stage.Done[index] && !stage.IsRunning(index))
        {
            stage.Pending.Enqueue(new PendingTask(index, Speculative: false));
        }
    }

    private void EndAttempt(TaskAttempt attempt, TaskEndReason reason, TaskMetrics? metrics)
    {
        attempt.Ended = true;
        attempt.Executor.Running.Remove(attempt);
        attempt.Executor.FreeCores++;
        attempt.Stage.Running[attempt.Info.Index]!.Remove(attempt);
        StageRun stage = attempt.Stage;
        Post(new TaskEnd(stage.Info.StageId, stage.Info.AttemptNumber, stage.TaskType, reason, attempt.Info, metrics, _now));
    }

    private TaskMetrics Metrics(TaskAttempt attempt)
    {
        long runTime = Math.Max(1, _now - attempt.Info.LaunchTime);
        long records = runTime * 1_000;
        bool readsParents = attempt.Stage.Info.ParentCount > 0;
        long shuffleRead = readsParents ? records * 64 : 0;
        long shuffleWrite = attempt.Stage.IsResultStage ? 0 : records * 48;
        return new TaskMetrics(
            ExecutorRunTime: runTime,
            ExecutorCpuTime: runTime * 850_000,
            JvmGcTime: runTime / 40,
            ResultSize: attempt.Stage.IsResultStage ? 2_048 : 1_024,
            MemoryBytesSpilled: _random.Next(20) == 0 ? records * 16 : 0,
            DiskBytesSpilled: 0,
            PeakExecutionMemory: 64L << 20,
            Input: new InputMetrics(readsParents ? 0 : records * 128, records),
            ShuffleRead: new ShuffleReadMetrics(shuffleRead, 0, readsParents ? records : 0),
            ShuffleWrite: new ShuffleWriteMetrics(shuffleWrite, shuffleWrite == 0 ? 0 : records));
    }

    private static IReadOnlyList<TaskAccumulatorUpdate> AccumUpdates(ExecutorState executor, long now)
    {
        var updates = new TaskAccumulatorUpdate[executor.Running.Count];
        for (int i = 0; i < updates.Length; i++)
        {
            TaskAttempt a = executor.Running[i];
            updates[i] = new TaskAccumulatorUpdate(a.Info.TaskId, a.Stage.Info.StageId, a.Stage.Info.AttemptNumber, now - a.Info.LaunchTime);
        }

        return updates;
    }
}
