using System.Collections.Generic;

namespace GeneratedBus.Benchmarks.Events.Log;

/// <summary>A realistic event log of <see cref="ClusterEvent"/>s: executors, then jobs of stages of tasks (mostly task events).</summary>
public static class ClusterLog
{
    /// <summary>About <paramref name="tasks"/> × 2 events: 4 executors, jobs of 2 stages of 50 tasks.</summary>
    public static List<ClusterEvent> Events(int tasks)
    {
        var events = new List<ClusterEvent>();
        for (int e = 0; e < 4; e++)
        {
            events.Add(new ClusterExecutorAdded(1_700_000_000_000 + e, e.ToString(System.Globalization.CultureInfo.InvariantCulture), new ExecutorInfo(
                "host-" + e, 8, new Dictionary<string, string> { ["stdout"] = $"http://host-{e}:8042/stdout", ["stderr"] = $"http://host-{e}:8042/stderr" })));
        }

        long time = 1_700_000_001_000, taskId = 0;
        for (int job = 0, stageId = 0; taskId < tasks; job++)
        {
            StageInfo[] stages = [Stage(stageId++, null), Stage(stageId++, null)];
            events.Add(new ClusterJobStart(job, time, stages, new Dictionary<string, string> { ["spark.job.description"] = "count at <console>:" + job, ["spark.scheduler.pool"] = "default" }));
            foreach (StageInfo stage in stages)
            {
                events.Add(new ClusterStageSubmitted(stage with { SubmissionTime = time }));
                for (int i = 0; i < stage.NumTasks; i++, taskId++)
                {
                    var info = new TaskInfo(taskId, i, 0, time + i, (i % 4).ToString(System.Globalization.CultureInfo.InvariantCulture), "host-" + (i % 4), "PROCESS_LOCAL", false, 0, false, false);
                    events.Add(new ClusterTaskStart(stage.StageId, 0, info));
                    events.Add(new ClusterTaskEnd(stage.StageId, 0, "ResultTask", "Success", info with { FinishTime = time + i + 250 },
                        new TaskMetrics(12, 230 + i, 180_000_000 + i, 1_024, 5, 0, 0, new ShuffleReadMetrics(3, 1, 2, 65_536 + i, 16_384, 1_000 + i), 0, 0)));
                }

                events.Add(new ClusterStageCompleted(stage with { SubmissionTime = time, CompletionTime = time + 900 }));
            }

            events.Add(new ClusterJobEnd(job, time + 1_000, "JobSucceeded"));
            time += 2_000;
        }

        return events;
    }

    private static StageInfo Stage(int id, long? submitted)
        => new(id, 0, "count at <console>:" + id, 50, [id * 2, id * 2 + 1], "org.apache.spark.rdd.RDD.count(RDD.scala:1157)\nline 2 of the call site", submitted, null, null);
}
