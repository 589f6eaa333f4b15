using System.Collections.Generic;
using SparkScheduler.Listeners.AppStatus;

namespace SparkScheduler.Replay;

/// <summary>What replaying one log did: its lines, the events it posted, and the event names no type of the bus has.</summary>
/// <param name="Path">The log.</param>
/// <param name="Lines">Lines read.</param>
/// <param name="Events">Events posted.</param>
/// <param name="Unrecognised">Names the bus does not know, with how many lines carried each, in ordinal order.</param>
/// <param name="TruncatedLastLine">Whether a malformed last line of an in-progress log was left out.</param>
/// <param name="Store">What the History Server would answer for the attempt.</param>
internal sealed record LogSummary(
    string Path, long Lines, long Events, IReadOnlyDictionary<string, long> Unrecognised, bool TruncatedLastLine, AppStatusStore Store);
