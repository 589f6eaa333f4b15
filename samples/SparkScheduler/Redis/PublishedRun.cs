using System;
using System.Globalization;
using GeneratedBus.Redis.Accounting;

namespace SparkScheduler.Redis;

/// <summary>What the main job's publisher did with the events posted to its queue: the run's bridge line.</summary>
/// <param name="Stream">The stream's name.</param>
/// <param name="Producer">The publisher's producer id.</param>
/// <param name="Balance">posted = appended + dropped (stream full) + dropped (unreachable) + duplicates + waiting + unencodable + unconfirmed.</param>
/// <param name="EndMarked">Whether the end marker was written (Redis reachable at the end); <c>history</c> stops on it.</param>
/// <param name="GaveUp">Whether the run stopped waiting for an unreachable Redis at its end (see <see cref="RunPublisher.DrainOrGiveUp"/>).</param>
internal sealed record PublishedRun(string Stream, string Producer, RedisPublisherBalance Balance, bool EndMarked, bool GaveUp = false)
{
    /// <summary>The line both commands start with <c>Redis bridge:</c>, this one for the publisher.</summary>
    public override string ToString() => $"Redis bridge: stream {Stream}, producer {Producer}: {Balance}";

    /// <summary>
    /// The stderr line of a run that gave up on Redis at its end (<see cref="GaveUp"/>): events never sent are dropped,
    /// and events sent but never answered are unconfirmed, since Redis may have appended them.
    /// </summary>
    /// <param name="stall">How long the publisher had sent nothing when the run gave up.</param>
    public string GaveUpWarning(TimeSpan stall)
    {
        string line = string.Create(CultureInfo.InvariantCulture,
            $"warning: Redis sent nothing for {stall.TotalSeconds} s as the run ended; the events it had not sent are counted as dropped (unreachable).");
        return Balance.Unconfirmed == 0
            ? line
            : line + string.Create(CultureInfo.InvariantCulture,
                $" {Balance.Unconfirmed} events it had sent were never answered and are counted as unconfirmed (the stream may hold them).");
    }
}
