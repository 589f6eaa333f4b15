using GeneratedBus.EventLog.Replay;
using SparkScheduler.Listeners;
using SparkScheduler.Listeners.AppStatus;

namespace SparkScheduler.Replay;

/// <summary>What replaying one log did, and what the History Server would answer for its attempt.</summary>
/// <param name="Path">The log, as given.</param>
/// <param name="Log">The runtime replay's summary: lines, events, unrecognised names, a skipped cut-off last line.</param>
/// <param name="Store">What the History Server would answer for the attempt.</param>
/// <param name="Status">The listener's "App status" summary, as the main job prints it.</param>
internal sealed record LogSummary(string Path, EventLogSummary Log, AppStatusStore Store, AppStatusSummary Status)
{
    /// <summary>Whether the main job wrote the log (its log-start record names the job's bus), so its run printed an App status to compare.</summary>
    public bool WrittenByTheMainJob => Log.Start?.Bus == SparkSchedulerApp.BusName;
}
