namespace ShopWorker.Feed;

/// <summary>How fast and how long the feed posts: the configuration section <c>Feed</c>.</summary>
public sealed class FeedOptions
{
    /// <summary>The section's path in configuration.</summary>
    public const string Section = "Feed";

    /// <summary>Events per second (three per order); 0 posts as fast as the store queue takes them.</summary>
    public int EventsPerSecond { get; set; } = 300;

    /// <summary>Orders to post before the worker stops itself; 0 posts until the host is stopped (Ctrl+C, SIGTERM).</summary>
    public long Orders { get; set; }

    /// <summary>Seeds the customers, totals and carriers.</summary>
    public int Seed { get; set; } = 1;
}
