namespace RedisExactlyOnce;

/// <summary>The <c>consume</c> command's options.</summary>
/// <param name="Redis">The StackExchange.Redis configuration, e.g. <c>127.0.0.1:6379</c>.</param>
/// <param name="Stream">The stream.</param>
/// <param name="Group">The consumer group.</param>
/// <param name="Consumer">This consumer's name; the same across restarts, so a restart re-reads its own pending entries.</param>
/// <param name="Database">The SQLite file of the effects.</param>
/// <param name="BatchSize">Entries per read.</param>
/// <param name="Until">Stop once the database holds this many effects; null to run until Ctrl+C or SIGTERM.</param>
/// <param name="StallAfter">Hang after this many effects of this run, for the crash demonstration; null never.</param>
public sealed record ConsumeOptions(
    string Redis, string Stream, string Group, string Consumer, string Database, int BatchSize, long? Until, long? StallAfter)
{
    /// <summary>Reads the options from the command line.</summary>
    public static ConsumeOptions From(CommandLine line) => new(
        line.Text("redis"),
        line.Text("stream", Ledger.DefaultStream),
        line.Text("group", "ledger"),
        line.Text("consumer", "ledger-1"),
        line.Text("db"),
        (int)System.Math.Min(line.Number("batch") ?? 64, 10_000),
        line.Number("until"),
        line.Number("stall-after"));
}
