using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace SparkScheduler.Listeners.AppStatus.Rest;

/// <summary>
/// Writes <c>applications.json</c>: Spark's v1 <c>ApplicationInfo</c> list. Attempts of an application are newest
/// first (by start time); applications by their newest attempt's end time, latest first, as the History Server lists them.
/// </summary>
internal static class ApplicationsJson
{
    /// <summary>The attempts grouped by application id, each group newest first, the groups in the History Server's order.</summary>
    public static IReadOnlyList<IReadOnlyList<ApplicationAttempt>> Order(IEnumerable<ApplicationAttempt> attempts) =>
        attempts.GroupBy(a => a.AppId, System.StringComparer.Ordinal)
            .Select(g => (IReadOnlyList<ApplicationAttempt>)g.OrderByDescending(a => a.StartTime).ToArray())
            .OrderByDescending(g => g[0].EndTime)
            .ToArray();

    public static void Write(Utf8JsonWriter w, IReadOnlyList<IReadOnlyList<ApplicationAttempt>> applications)
    {
        w.WriteStartArray();
        foreach (IReadOnlyList<ApplicationAttempt> attempts in applications)
        {
            w.WriteStartObject();
            w.WriteString("id", attempts[0].AppId);
            w.WriteString("name", attempts[0].Name);
            w.WriteStartArray("attempts");
            foreach (ApplicationAttempt a in attempts)
            {
                w.WriteStartObject();
                RestJson.StringIfAny(w, "attemptId", a.AttemptId);
                w.WriteString("startTime", SparkDates.Format(a.StartTime));
                w.WriteString("endTime", SparkDates.Format(a.EndTime));
                w.WriteNumber("duration", a.Duration);
                w.WriteString("sparkUser", a.SparkUser);
                w.WriteBoolean("completed", a.Completed);
                w.WriteString("appSparkVersion", a.SparkVersion);
                w.WriteNumber("startTimeEpoch", a.StartTime);
                w.WriteNumber("endTimeEpoch", a.EndTime);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
