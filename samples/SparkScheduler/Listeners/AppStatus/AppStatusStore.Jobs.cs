using System.Collections.Generic;
using System.Linq;
using SparkScheduler.Events;
using SparkScheduler.Events.Info;

namespace SparkScheduler.Listeners.AppStatus;

/// <summary>Jobs, stage attempts and tasks, as Spark's AppStatusListener counts them.</summary>
internal sealed partial class AppStatusStore
{
    private readonly Dictionary<int, LiveJob> _jobs = [];
    private readonly Dictionary<(int Stage, int Attempt), LiveStage> _stages = [];

    /// <summary>Every job seen.</summary>
    public IEnumerable<LiveJob> Jobs => _jobs.Values;

    /// <summary>Every stage attempt seen, skipped ones included.</summary>
    public IEnumerable<LiveStage> Stages => _stages.Values;

    public void OnJobStart(JobStart e)
    {
        // An over-estimate when stages turn out to be skipped, as Spark's is: every stage not yet completed counts.
        int numTasks = e.StageInfos.Where(s => s.CompletionTime is null).Sum(s => s.NumTasks);
        string name = e.StageInfos.OrderBy(s => s.StageId).LastOrDefault()?.Name ?? "";
        var job = new LiveJob(
            e.JobId, name, Property(e.Properties, "spark.job.description"), Property(e.Properties, "spark.jobGroup.id"),
            e.Time > 0 ? e.Time : null, e.StageInfos.Select(s => s.StageId).ToArray(), numTasks);
        _jobs[e.JobId] = job;
        foreach (StageInfo info in e.StageInfos)
        {
            LiveStage stage = Stage(info);
            stage.Jobs.Add(job);
        }
    }

    public void OnJobEnd(JobEnd e)
    {
        if (!_jobs.TryGetValue(e.JobId, out LiveJob? job) || job.Status != "RUNNING")
        {
            return;
        }

        // Stages of the job that never ran were skipped: their output already existed. As in Spark, each also takes one
        // off the job's active stages, though it never added one (Spark's numActiveStages can end below 0 this way).
        foreach (LiveStage stage in _stages.Values)
        {
            if (stage.Status == "PENDING" && job.StageIds.Contains(stage.Info.StageId))
            {
                stage.Status = "SKIPPED";
                job.SkippedStages.Add(stage.Info.StageId);
                job.SkippedTasks += stage.Info.NumTasks;
                job.ActiveStages--;
            }
        }

        job.Status = e.Succeeded ? "SUCCEEDED" : "FAILED";
        job.CompletionTime = e.Time > 0 ? e.Time : null;
    }

    public void OnStageSubmitted(StageSubmitted e)
    {
        LiveStage stage = Stage(e.StageInfo);
        stage.Status = "ACTIVE";
        stage.SchedulingPool = Property(e.Properties, "spark.scheduler.pool") ?? "default";
        stage.Description = Property(e.Properties, "spark.job.description");
        stage.Jobs.Clear();
        stage.Jobs.AddRange(_jobs.Values.Where(j => j.Status == "RUNNING" && j.StageIds.Contains(e.StageInfo.StageId)));
        foreach (LiveJob job in stage.Jobs)
        {
            job.CompletedStages.Remove(e.StageInfo.StageId);
            job.ActiveStages++;
        }
    }

    public void OnStageCompleted(StageCompleted e)
    {
        if (!_stages.TryGetValue((e.StageInfo.StageId, e.StageInfo.AttemptNumber), out LiveStage? stage))
        {
            return;
        }

        stage.Info = e.StageInfo;
        stage.Status = e.StageInfo.FailureReason is not null ? "FAILED"
            : e.StageInfo.SubmissionTime is not null ? "COMPLETE"
            : "SKIPPED";
        foreach (LiveJob job in stage.Jobs)
        {
            switch (stage.Status)
            {
                case "COMPLETE": job.CompletedStages.Add(e.StageInfo.StageId); break;
                case "SKIPPED": job.SkippedStages.Add(e.StageInfo.StageId); job.SkippedTasks += e.StageInfo.NumTasks; break;
                default: job.FailedStages++; break;
            }

            job.ActiveStages--;
        }
    }

    public void OnTaskStart(TaskStart e)
    {
        if (_stages.TryGetValue((e.StageId, e.StageAttemptId), out LiveStage? stage))
        {
            stage.ActiveTasks++;
            stage.FirstLaunchTime = System.Math.Min(stage.FirstLaunchTime, e.TaskInfo.LaunchTime);
            foreach (LiveJob job in stage.Jobs)
            {
                job.ActiveTasks++;
            }
        }

        if (Live(e.TaskInfo.ExecutorId) is { } exec)
        {
            exec.ActiveTasks++;
            exec.TotalTasks++;
        }
    }

    public void OnTaskEnd(TaskEnd e)
    {
        (int completed, int failed, int killed) = e.Reason.Kind switch
        {
            TaskEndKind.Success => (1, 0, 0),
            TaskEndKind.TaskKilled or TaskEndKind.TaskCommitDenied => (0, 0, 1),
            _ => (0, 1, 0),
        };
        string? killReason = killed > 0 ? e.Reason.KillReason ?? e.Reason.Description : null;

        if (_stages.TryGetValue((e.StageId, e.StageAttemptId), out LiveStage? stage))
        {
            if (e.Metrics is not null)
            {
                stage.Metrics.Add(e.Metrics);
            }

            stage.ActiveTasks--;
            stage.CompletedTasks += completed;
            stage.FailedTasks += failed;
            stage.KilledTasks += killed;
            if (completed > 0)
            {
                stage.CompletedIndices.Add(e.TaskInfo.Index);
            }

            AddKilled(stage.KilledSummary, killReason);
            long taskIndex = ((long)e.StageId << 32) | (uint)e.TaskInfo.Index;
            foreach (LiveJob job in stage.Jobs)
            {
                job.ActiveTasks--;
                job.CompletedTasks += completed;
                job.FailedTasks += failed;
                job.KilledTasks += killed;
                if (completed > 0)
                {
                    job.CompletedIndices.Add(taskIndex);
                }

                AddKilled(job.KilledSummary, killReason);
            }
        }

        if (Live(e.TaskInfo.ExecutorId) is { } exec)
        {
            exec.ActiveTasks--;
            exec.CompletedTasks += completed;
            exec.FailedTasks += failed;
            // A log's TaskInfo has its finish time; the simulation posts the launch-time info and the end's Time.
            long finish = e.TaskInfo.FinishTime > 0 ? e.TaskInfo.FinishTime : e.Time;
            exec.TotalDuration += finish - e.TaskInfo.LaunchTime;
            if (e.Reason.Kind != TaskEndKind.Resubmitted && e.Metrics is { } m)
            {
                exec.TotalGcTime += m.JvmGcTime;
                exec.TotalInputBytes += m.Input?.BytesRead ?? 0;
                exec.TotalShuffleRead += m.ShuffleRead?.TotalBytesRead ?? 0;
                exec.TotalShuffleWrite += m.ShuffleWrite?.BytesWritten ?? 0;
            }
        }
    }

    private LiveStage Stage(StageInfo info)
    {
        if (_stages.TryGetValue((info.StageId, info.AttemptNumber), out LiveStage? stage))
        {
            stage.Info = info;
        }
        else
        {
            stage = new LiveStage(info);
            _stages.Add((info.StageId, info.AttemptNumber), stage);
        }

        return stage;
    }

    private static void AddKilled(SortedDictionary<string, int> summary, string? reason)
    {
        if (reason is not null)
        {
            summary[reason] = summary.GetValueOrDefault(reason) + 1;
        }
    }

    private static string? Property(IReadOnlyDictionary<string, string>? properties, string key) =>
        properties is not null && properties.TryGetValue(key, out string? value) ? value : null;
}
