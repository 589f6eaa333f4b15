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
}
