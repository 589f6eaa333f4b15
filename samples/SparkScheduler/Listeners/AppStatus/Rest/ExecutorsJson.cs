using System;
using System.Linq;
using System.Text.Json;

namespace SparkScheduler.Listeners.AppStatus.Rest;

/// <summary>
/// Writes <c>executors.json</c>: Spark's v1 <c>ExecutorSummary</c> list of the <c>/executors</c> endpoint, which holds
/// the active executors only, by id in descending (ordinal) order.
/// </summary>
internal static class ExecutorsJson
{
    public static void Write(Utf8JsonWriter w, AppStatusStore store)
    {
        w.WriteStartArray();
        foreach (LiveExecutor exec in store.Executors.Where(e => e.IsActive).OrderByDescending(e => e.Id, StringComparer.Ordinal))
        {
            w.WriteStartObject();
            w.WriteString("id", exec.Id);
            w.WriteString("hostPort", exec.HostPort ?? exec.Host ?? "");
            w.WriteBoolean("isActive", exec.IsActive);
            w.WriteNumber("totalCores", exec.TotalCores);
            w.WriteNumber("maxTasks", exec.MaxTasks);
            w.WriteNumber("activeTasks", exec.ActiveTasks);
            w.WriteNumber("failedTasks", exec.FailedTasks);
            w.WriteNumber("completedTasks", exec.CompletedTasks);
            w.WriteNumber("totalTasks", exec.TotalTasks);
            w.WriteNumber("totalDuration", store.TotalDurationOf(exec));
            w.WriteNumber("totalInputBytes", exec.TotalInputBytes);
            w.WriteNumber("totalShuffleRead", exec.TotalShuffleRead);
            w.WriteNumber("totalShuffleWrite", exec.TotalShuffleWrite);
            w.WriteBoolean("isBlacklisted", exec.IsExcluded);
            w.WriteNumber("maxMemory", exec.MaxMemory);
            w.WriteString("addTime", SparkDates.Format(exec.AddTime));
            RestJson.DateIfAny(w, "removeTime", exec.RemoveTime);
            RestJson.StringIfAny(w, "removeReason", exec.RemoveReason);
            w.WriteBoolean("isExcluded", exec.IsExcluded);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
