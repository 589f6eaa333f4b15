using System.Collections.Generic;
using System.Linq;

namespace GeneratedBus.EventLog.Replay;

/// <summary>What a replay read.</summary>
/// <param name="Files">The files read, in order: one, or a rolled log's parts.</param>
/// <param name="Lines">Lines read, the log's own records and a skipped last line included.</param>
/// <param name="Events">Events posted to the bus.</param>
/// <param name="Unrecognised">Lines whose <c>"Event"</c> the bus does not know, counted per name; never resolved to a type.</param>
/// <param name="MalformedLines">Malformed lines skipped: at most the last, and only when the log may be truncated.</param>
/// <param name="MayBeTruncated">Whether the log was treated as possibly truncated (in progress, or the option).</param>
/// <param name="Start">The writer's log-start record, when the log has one (logs from elsewhere, such as Spark's, do not).</param>
/// <param name="End">The writer's closing record, when the log was closed by the writer.</param>
public sealed record EventLogSummary(
    IReadOnlyList<string> Files,
    long Lines,
    long Events,
    IReadOnlyDictionary<string, long> Unrecognised,
    long MalformedLines,
    bool MayBeTruncated,
    EventLogStart? Start,
    EventLogEnd? End)
{
    /// <summary>The key under which names beyond <see cref="EventLogReplayOptions.MaxDistinctUnrecognisedNames"/> are counted.</summary>
    public const string OtherNames = "(other names)";

    /// <summary>Lines with unrecognised names, all names together.</summary>
    public long UnrecognisedEvents => Unrecognised.Values.Sum();

    /// <summary>
    /// Whether the log says it holds every event: it has a closing record that counts no dropped event and no failed
    /// write. Logs without one (in progress, or from elsewhere) cannot say.
    /// </summary>
    public bool IsComplete => End is { IsComplete: true };
}
