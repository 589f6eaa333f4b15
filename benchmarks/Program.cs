using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using GeneratedBus.Benchmarks.Plain;
using GeneratedBus.Benchmarks.Quick;
using GeneratedBus.Benchmarks.Redis;
using GeneratedBus.Benchmarks.Scenarios;

namespace GeneratedBus.Benchmarks;

/// <summary>
/// <c>--quick</c>: the plain tier-1 loops, then every scenario with a short in-process job, then the goal table (about
/// 2 minutes; <c>--results FILE</c> also writes its rows for <c>--launches</c>). <c>--launches N</c>: the quick run in N
/// fresh processes, then the median and spread of each goal. <c>--plain</c>: only the plain tier-1 loops.
/// <c>--idle [seconds]</c>: only the idle-CPU measurement. <c>--memory [capacity]</c>: only the resident memory of
/// a started queue of that capacity holding a few events. Anything else is the full run: the generator's first run,
/// idle CPU (<c>--idle-seconds</c>, default 10) and the plain loops, then BenchmarkDotNet's switcher with the remaining
/// arguments (for example <c>--filter '*'</c>: every benchmark in its own process), then the goal table.
/// <c>--redis-latency [seconds]</c>: only issue 13's end-to-end latency through a private redis-server.
/// <c>--only TEXT</c> narrows the quick and plain runs to the scenario classes whose name contains TEXT.
/// </summary>
public static class Program
{
    private static readonly Type[] Scenarios =
    [
        typeof(PerListenerDispatch3Benchmarks),
        typeof(PerListenerDispatch22Benchmarks),
        typeof(SyncDispatchBenchmarks),
        typeof(FlatDispatchBenchmarks),
        typeof(FlatCodecWriteBenchmarks),
        typeof(LosslessBenchmarks),
        typeof(TwoProducerBenchmarks),
        typeof(DropPathBenchmarks),
        typeof(GeneratorBenchmarks),
        typeof(FilterPathBenchmarks),
        typeof(FilterDropPathBenchmarks),
        typeof(EventLogCodecBenchmarks),
        typeof(RedisPublishBenchmarks),
    ];

    // Issue 13's latency: 5 s at 10,000 events/s per mode, after 1 s of warm-up.
    private static readonly TimeSpan LatencyRun = TimeSpan.FromSeconds(5);

    public static int Main(string[] args)
    {
        if (args.Contains("--launches"))
        {
            return Launches.Run((int)Number(args, "--launches", 5), Without(args, "--launches"));
        }

        if (args.Contains("--idle"))
        {
            Console.WriteLine(IdleCpu.Measure(TimeSpan.FromSeconds(Number(args, "--idle", 10))));
            return 0;
        }

        if (args.Contains("--memory"))
        {
            Console.WriteLine(QueueMemory.Measure((int)Number(args, "--memory", 10_000_000)));
            return 0;
        }

        if (args.Contains("--redis-latency"))
        {
            Console.WriteLine(GoalRow.Table(RedisGoals.Latency(_ => true, TimeSpan.FromSeconds(Number(args, "--redis-latency", 5)))));
            return 0;
        }

        if (args.Contains("--plain"))
        {
            Console.WriteLine(GoalRow.Table(PlainGoals.Run(Only(args))));
            return 0;
        }

        if (args.Contains("--quick"))
        {
            return Quick(args);
        }

        // The full run: each benchmark in its own process (BenchmarkDotNet's default), e.g. --filter '*'.
        TimeSpan fullCold = FirstGeneratorRun();
        IdleResult fullIdle = IdleCpu.Measure(TimeSpan.FromSeconds(Number(args, "--idle-seconds", 10)));
        List<GoalRow> plain = PlainGoals.Run(_ => true);
        List<GoalRow> latency = RedisGoals.Latency(_ => true, LatencyRun);
        var summaries = BenchmarkSwitcher.FromTypes(Runnable(Scenarios).ToArray()).Run(Without(args, "--idle-seconds").ToArray(), DefaultConfig.Instance.WithOptions(ConfigOptions.JoinSummary));
        Summary? joined = summaries.FirstOrDefault();
        if (joined is not null)
        {
            Console.WriteLine(GoalRow.Table([.. RatioTable.Rows(joined, fullIdle, fullCold), .. plain, .. latency]));
        }

        return 0;
    }

    // First, while the generator and Roslyn's binder are not jitted yet: the generator's first run in a fresh
    // process. Parsing and loading references are the compiler's work, done before any generator runs.
    private static TimeSpan FirstGeneratorRun()
    {
        var compilation = ThousandEventSource.Compilation(ThousandEventSource.Tree());
        var stopwatch = Stopwatch.StartNew();
        ThousandEventSource.NewDriver().RunGenerators(compilation);
        return stopwatch.Elapsed;
    }

    private static int Quick(string[] args)
    {
        TimeSpan processCold = FirstGeneratorRun();
        IdleResult idle = IdleCpu.Measure(TimeSpan.FromSeconds(Number(args, "--idle-seconds", 5)));

        // Before BenchmarkDotNet, so the tier watch sees the loops compiled from the start.
        List<GoalRow> plain = PlainGoals.Run(Only(args));

        // In process (no child build or launch per benchmark), few short iterations: a ratio check, not a paper.
        Job job = Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(3)
            .WithIterationCount(7)
            .WithIterationTime(Perfolizer.Horology.TimeInterval.FromMilliseconds(150))
            .WithId("Quick");
        IConfig config = DefaultConfig.Instance.AddJob(job.AsDefault()).WithOptions(ConfigOptions.JoinSummary);
        Type[] types = Runnable(Scenarios.Where(Only(args))).ToArray();
        Summary? summary = types.Length == 0 ? null : BenchmarkRunner.Run(types, config).Single();
        List<GoalRow> rows = [.. RatioTable.Rows(summary, idle, processCold), .. plain, .. RedisGoals.Latency(Only(args), LatencyRun)];
        Console.WriteLine();
        Console.WriteLine(GoalRow.Table(rows));
        int results = Array.IndexOf(args, "--results");
        if (results >= 0 && results + 1 < args.Length)
        {
            File.WriteAllLines(args[results + 1], rows.Select(r => r.ToTsv()));
        }

        return 0;
    }

    // The scenario classes that can run here: the Redis one needs redis-server (without it, its rows say "skipped").
    private static IEnumerable<Type> Runnable(IEnumerable<Type> types) =>
        types.Where(t => t != typeof(RedisPublishBenchmarks) || BenchRedisServer.IsInstalled);

    // "--only Lossless": the scenario classes whose name contains that text, while iterating.
    private static Func<Type, bool> Only(string[] args)
    {
        int only = Array.IndexOf(args, "--only");
        return only >= 0 && only + 1 < args.Length
            ? t => t.Name.Contains(args[only + 1], StringComparison.OrdinalIgnoreCase)
            : _ => true;
    }

    private static double Number(string[] args, string name, double fallback)
    {
        int at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && double.TryParse(args[at + 1], System.Globalization.CultureInfo.InvariantCulture, out double s) ? s : fallback;
    }

    // The arguments without an option and its value.
    private static IEnumerable<string> Without(string[] args, string name) =>
        args.Where((a, i) => a != name && (i == 0 || args[i - 1] != name));
}
