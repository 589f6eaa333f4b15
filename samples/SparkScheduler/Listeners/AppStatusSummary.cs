using System.Collections.Generic;

namespace SparkScheduler.Listeners;

/// <summary>
/// What the app-status listener knows at the end: counts and simulated-time durations, the same for the same seed, and
/// the application's id and name (text from the events: escape it wherever it is shown).
/// </summary>
internal sealed record AppStatusSummary(
    int JobsSucceeded,
    int JobsFailed,
    int StagesCompleted,
    int StagesFailed,
    long TasksStarted,
    long TasksSucceeded,
    long TasksFailed,
    long TasksLostWithExecutor,
    long TasksKilled,
    long SpeculativeTasks,
    long ResultsFetched,
    int ExecutorsAdded,
    int ExecutorsRemoved,
    int ExecutorsBlacklisted,
    int NodesBlacklisted,
    long BlocksUpdated,
    int RddsUnpersisted,
    long ApplicationMs,
    Duration Jobs,
    Duration Stages,
    Duration Tasks,
    string ApplicationId,
    string ApplicationName)
{
    /// <summary>The summary as name/value rows, in the order the table prints them.</summary>
    public IEnumerable<(string Name, string Value)> Rows()
    {
        yield return ("jobs.succeeded", N(JobsSucceeded));
        yield return ("jobs.failed", N(JobsFailed));
        yield return ("stages.completed", N(StagesCompleted));
        yield return ("stages.failed", N(StagesFailed));
        yield return ("tasks.started", N(TasksStarted));
        yield return ("tasks.succeeded", N(TasksSucceeded));
        yield return ("tasks.failed", N(TasksFailed));
        yield return ("tasks.lost_with_executor", N(TasksLostWithExecutor));
        yield return ("tasks.killed", N(TasksKilled));
        yield return ("tasks.speculative", N(SpeculativeTasks));
        yield return ("tasks.results_fetched", N(ResultsFetched));
        yield return ("executors.added", N(ExecutorsAdded));
        yield return ("executors.removed", N(ExecutorsRemoved));
        yield return ("executors.blacklisted", N(ExecutorsBlacklisted));
        yield return ("nodes.blacklisted", N(NodesBlacklisted));
        yield return ("blocks.updated", N(BlocksUpdated));
        yield return ("rdds.unpersisted", N(RddsUnpersisted));
        yield return ("app.duration_ms", N(ApplicationMs));
        foreach ((string name, Duration d) in new[] { ("job", Jobs), ("stage", Stages), ("task", Tasks) })
        {
            yield return ($"{name}.duration_ms.mean", d.Mean.ToString("F1", System.Globalization.CultureInfo.InvariantCulture));
            yield return ($"{name}.duration_ms.max", N(d.Max));
        }
    }

    private static string N(long value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
