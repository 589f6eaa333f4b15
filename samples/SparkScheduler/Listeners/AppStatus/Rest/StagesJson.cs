using System.Linq;
using System.Text.Json;
using SparkScheduler.Events.Info;

namespace SparkScheduler.Listeners.AppStatus.Rest;

/// <summary>Writes <c>stages.json</c>: Spark's v1 <c>StageData</c> list, by stage id then attempt, newest first.</summary>
internal static class StagesJson
{
    public static void Write(Utf8JsonWriter w, AppStatusStore store)
    {
        w.WriteStartArray();
        foreach (LiveStage stage in store.Stages.OrderByDescending(s => s.Info.StageId).ThenByDescending(s => s.Info.AttemptNumber))
        {
            StageInfo info = stage.Info;
            StageMetrics m = stage.Metrics;
            w.WriteStartObject();
            w.WriteString("status", stage.Status);
            w.WriteNumber("stageId", info.StageId);
            w.WriteNumber("attemptId", info.AttemptNumber);
            w.WriteNumber("numTasks", info.NumTasks);
            w.WriteNumber("numActiveTasks", stage.ActiveTasks);
            w.WriteNumber("numCompleteTasks", stage.CompletedTasks);
            w.WriteNumber("numFailedTasks", stage.FailedTasks);
            w.WriteNumber("numKilledTasks", stage.KilledTasks);
            w.WriteNumber("numCompletedIndices", stage.CompletedIndices.Count);
            RestJson.DateIfAny(w, "submissionTime", info.SubmissionTime);
            RestJson.DateIfAny(w, "firstTaskLaunchedTime", stage.FirstLaunchTime == long.MaxValue ? null : stage.FirstLaunchTime);
            RestJson.DateIfAny(w, "completionTime", info.CompletionTime);
            RestJson.StringIfAny(w, "failureReason", info.FailureReason);
            w.WriteNumber("executorRunTime", m.ExecutorRunTime);
            w.WriteNumber("executorCpuTime", m.ExecutorCpuTime);
            w.WriteNumber("resultSize", m.ResultSize);
            w.WriteNumber("jvmGcTime", m.JvmGcTime);
            w.WriteNumber("memoryBytesSpilled", m.MemoryBytesSpilled);
            w.WriteNumber("diskBytesSpilled", m.DiskBytesSpilled);
            w.WriteNumber("peakExecutionMemory", m.PeakExecutionMemory);
            w.WriteNumber("inputBytes", m.InputBytes);
            w.WriteNumber("inputRecords", m.InputRecords);
            w.WriteNumber("outputBytes", m.OutputBytes);
            w.WriteNumber("outputRecords", m.OutputRecords);
            w.WriteNumber("shuffleReadBytes", m.ShuffleReadBytes);
            w.WriteNumber("shuffleReadRecords", m.ShuffleReadRecords);
            w.WriteNumber("shuffleWriteBytes", m.ShuffleWriteBytes);
            w.WriteNumber("shuffleWriteRecords", m.ShuffleWriteRecords);
            w.WriteString("name", info.Name);
            RestJson.StringIfAny(w, "description", stage.Description);
            RestJson.StringIfAny(w, "details", info.Details);
            w.WriteString("schedulingPool", stage.SchedulingPool);
            w.WriteStartArray("rddIds");
            foreach (RddInfo rdd in info.RddInfos)
            {
                w.WriteNumberValue(rdd.RddId);
            }

            w.WriteEndArray();
            RestJson.Counts(w, "killedTasksSummary", stage.KilledSummary);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
