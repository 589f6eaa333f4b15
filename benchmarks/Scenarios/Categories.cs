namespace GeneratedBus.Benchmarks.Scenarios;

/// <summary>One category per goal: each has one baseline, so BenchmarkDotNet's ratio column compares within it.</summary>
public static class Categories
{
    public const string SyncDispatch = "1 sync dispatch to 10 listeners";
    public const string FlatDispatch = "2 dispatch across a 64-event bus";
    public const string FlatHandWritten = "2b hand-written type switch across 64 events";
    public const string Lossless = "3/6 lossless 1 producer -> 1 queue";
    public const string TwoProducers = "4 two producers -> 1 queue";
    public const string DropPath = "5 post to a full queue";
    public const string Generator = "8 generator, 1000-event bus";
}
