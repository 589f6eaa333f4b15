using GeneratedBus.EventLog.Replay;
using SparkScheduler.Listeners.AppStatus;

namespace SparkScheduler.Replay;

/// <summary>What replaying one log did, and what the History Server would answer for its attempt.</summary>
/// <param name="Path">The log, as given.</param>
/// <param name="Log">The runtime replay's summary: lines, events, unrecognised names, a skipped cut-off last line.</param>
/// <param name="Store">What the History Server would answer for the attempt.</param>
internal sealed record LogSummary(string Path, EventLogSummary Log, AppStatusStore Store);
