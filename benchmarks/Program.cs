using System;
using System.Diagnostics;
using System.Linq;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using GeneratedBus.Benchmarks.Quick;
using GeneratedBus.Benchmarks.Scenarios;

namespace GeneratedBus.Benchmarks;

/// <summary>
/// <c>--quick</c>: every scenario with a short in-process job, then the goal table (under 2 minutes).
/// <c>--idle [seconds]</c>: only the idle-CPU measurement. Anything else goes to BenchmarkDotNet's switcher
/// (for example <c>--filter *</c> for the full run).
/// </summary>
public static class Program
{
    private static readonly Type[] Scenarios =
    [
        typeof(SyncDispatchBenchmarks),
        typeof(FlatDispatchBenchmarks),
        typeof(LosslessBenchmarks),
        typeof(TwoProducerBenchmarks),
        typeof(DropPathBenchmarks),
        typeof(GeneratorBenchmarks),
    ];

    public static int Main(string[] args)
    {
        if (args.Contains("--idle"))
        {
            Console.WriteLine(IdleCpu.Measure(TimeSpan.FromSeconds(Seconds(args, "--idle", 10))));
            return 0;
        }

        if (args.Contains("--quick"))
        {
            return Quick(args);
        }

        var summaries = BenchmarkSwitcher.FromTypes(Scenarios).Run(args, DefaultConfig.Instance.WithOptions(ConfigOptions.JoinSummary));
        Summary? joined = summaries.FirstOrDefault();
        if (joined is not null)
        {
            Console.WriteLine(RatioTable.Format(joined, idle: null, processColdGenerator: null));
        }

        return 0;
    }

    private static int Quick(string[] args)
    {
        // First, while the generator and Roslyn's binder are not jitted yet: the generator's first run in a fresh
        // process. Parsing and loading references are the compiler's work, done before any generator runs.
        var compilation = ThousandEventSource.Compilation(ThousandEventSource.Tree());
        var stopwatch = Stopwatch.StartNew();
        ThousandEventSource.NewDriver().RunGenerators(compilation);
        TimeSpan processCold = stopwatch.Elapsed;

        IdleResult idle = IdleCpu.Measure(TimeSpan.FromSeconds(Seconds(args, "--idle-seconds", 5)));

        // In process (no child build or launch per benchmark), few short iterations: a ratio check, not a paper.
        Job job = Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(3)
            .WithIterationCount(7)
            .WithIterationTime(Perfolizer.Horology.TimeInterval.FromMilliseconds(150))
            .WithId("Quick");
        IConfig config = DefaultConfig.Instance.AddJob(job.AsDefault()).WithOptions(ConfigOptions.JoinSummary);
        // "--only Lossless" narrows the run to the scenario classes whose name contains that text, while iterating.
        int only = Array.IndexOf(args, "--only");
        Type[] types = only >= 0 && only + 1 < args.Length
            ? Scenarios.Where(t => t.Name.Contains(args[only + 1], StringComparison.OrdinalIgnoreCase)).ToArray()
            : Scenarios;
        Summary summary = BenchmarkRunner.Run(types, config).Single();
        Console.WriteLine();
        Console.WriteLine(RatioTable.Format(summary, idle, processCold));
        return 0;
    }

    private static double Seconds(string[] args, string name, double fallback)
    {
        int at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && double.TryParse(args[at + 1], System.Globalization.CultureInfo.InvariantCulture, out double s) ? s : fallback;
    }
}
