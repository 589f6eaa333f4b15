using System;
using SparkScheduler.Redis;

namespace SparkScheduler.Cli;

/// <summary>What <c>history</c> was asked to do.</summary>
/// <param name="Redis">Where Redis listens.</param>
/// <param name="Stream">The stream the run published to.</param>
/// <param name="RestOut">The folder the REST-layout JSON files go to.</param>
/// <param name="Timeout">How long to wait with nothing new read before giving up on a run that has not ended.</param>
/// <param name="Help">Whether only the usage was asked for.</param>
internal sealed record HistoryOptions(RedisAddress? Redis, RunStream Stream, string RestOut, TimeSpan Timeout, bool Help = false)
{
    /// <summary>The default of <see cref="Timeout"/>: long enough for a run that is still being built and started.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(300);
}
