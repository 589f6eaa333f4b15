namespace GeneratedBus.Benchmarks.Scenarios;

/// <summary>
/// One category per scenario class, named after the goals of issue 10 it measures: each has one baseline, so
/// BenchmarkDotNet's ratio column compares within it (the goal table forms the other ratios).
/// </summary>
public static class Categories
{
    public const string PerListener3 = "1 per-listener dispatch, 3-event bus";
    public const string PerListener22 = "1 per-listener dispatch, 22-event bus";
    public const string SyncDispatch = "2/9 sync dispatch to 10 listeners";
    public const string Lossless = "3/6 lossless 1 producer -> 1 queue";
    public const string TwoProducers = "4 two producers -> 1 queue";
    public const string DropPath = "5 post to a full queue";
    public const string Generator = "8 generator, 1000-event bus";
    public const string FlatDispatch = "extra: dispatch across a 64-event bus";
    public const string FlatCodecWrite = "extra: codec write across a 64-event bus";
    public const string FilterPath = "extra: lossless post with interest filtering off and on";
    public const string FilterDropPath = "extra: post to a full queue with interest filtering off and on";
}
