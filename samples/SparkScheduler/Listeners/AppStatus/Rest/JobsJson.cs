using System.Linq;
using System.Text.Json;

namespace SparkScheduler.Listeners.AppStatus.Rest;

/// <summary>Writes <c>jobs.json</c>: Spark's v1 <c>JobData</c> list, newest job first.</summary>
internal static class JobsJson
{
    public static void Write(Utf8JsonWriter w, AppStatusStore store)
    {
        w.WriteStartArray();
        foreach (LiveJob job in store.Jobs.OrderByDescending(j => j.JobId))
        {
            w.WriteStartObject();
            w.WriteNumber("jobId", job.JobId);
            w.WriteString("name", job.Name);
            RestJson.StringIfAny(w, "description", job.Description);
            RestJson.DateIfAny(w, "submissionTime", job.SubmissionTime);
            RestJson.DateIfAny(w, "completionTime", job.CompletionTime);
            w.WriteStartArray("stageIds");
            foreach (int id in job.StageIds)
            {
                w.WriteNumberValue(id);
            }

            w.WriteEndArray();
            RestJson.StringIfAny(w, "jobGroup", job.JobGroup);
            w.WriteStartArray("jobTags");
            w.WriteEndArray();
            w.WriteString("status", job.Status);
            w.WriteNumber("numTasks", job.NumTasks);
            w.WriteNumber("numActiveTasks", job.ActiveTasks);
            w.WriteNumber("numCompletedTasks", job.CompletedTasks);
            w.WriteNumber("numSkippedTasks", job.SkippedTasks);
            w.WriteNumber("numFailedTasks", job.FailedTasks);
            w.WriteNumber("numKilledTasks", job.KilledTasks);
            w.WriteNumber("numCompletedIndices", job.CompletedIndices.Count);
            w.WriteNumber("numActiveStages", job.ActiveStages);
            w.WriteNumber("numCompletedStages", job.CompletedStages.Count);
            w.WriteNumber("numSkippedStages", job.SkippedStages.Count);
            w.WriteNumber("numFailedStages", job.FailedStages);
            RestJson.Counts(w, "killedTasksSummary", job.KilledSummary);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
