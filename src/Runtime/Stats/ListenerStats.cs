using System;
using System.Diagnostics;

namespace GeneratedBus;

/// <summary>The timer of one listener type.</summary>
/// <param name="ListenerType">The listener's runtime type.</param>
/// <param name="Events">Calls made to listeners of this type.</param>
/// <param name="Failures">Calls that threw.</param>
/// <param name="TotalTime">
/// Time spent in those calls. A queue times only some calls of fast events (one event in up to 16 while deliveries
/// take under 1 µs), so this is the timed calls' total scaled to all calls; exact when every call was timed.
/// </param>
/// <param name="MaxTime">The longest timed call.</param>
[DebuggerDisplay("{ListenerType.Name,nq}: {Events} events, {Failures} failures, mean {MeanTime}, total {TotalTime}, max {MaxTime}")]
public sealed record ListenerStats(Type ListenerType, long Events, long Failures, TimeSpan TotalTime, TimeSpan MaxTime)
{
    /// <summary>The mean time of a call: <see cref="TotalTime"/> over <see cref="Events"/>; zero before the first call.</summary>
    public TimeSpan MeanTime => Events == 0 ? TimeSpan.Zero : TotalTime / Events;

    /// <summary>The listener type's counters as a small table: a header line and its row, times in ns, µs, ms or s.</summary>
    /// <returns>The table, two lines.</returns>
    public override string ToString() => StatsTable.Of(StatsTable.ListenerHeader, StatsTable.Row(this));
}
