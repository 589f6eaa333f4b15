using System;
using BenchmarkDotNet.Attributes;
using GeneratedBus.Benchmarks.Redis;

namespace GeneratedBus.Benchmarks.Scenarios;

/// <summary>
/// Issue 13: events per second from this process to a private redis-server, <see cref="RedisAppendRig"/>'s publisher
/// beside its bare pipelined XADD loop (the same payloads and batch size). Times are per event, so events/s = 1e9 / ns.
/// <see cref="Program"/> leaves this class out, with a "skipped" row, when redis-server is not installed.
/// </summary>
[GoalConfig]
public class RedisPublishBenchmarks
{
    /// <summary>Events per invocation: eight batches.</summary>
    public const int OperationsPerInvoke = 8 * RedisAppendRig.BatchSize;

    private const string Category = "13 redis: append";
    private RedisAppendRig _rig = null!;

    [GlobalSetup]
    public void Setup() => _rig = RedisAppendRig.TryStart() ?? throw new InvalidOperationException(BenchRedisServer.Missing);

    [GlobalCleanup]
    public void Cleanup() => _rig.Dispose();

    [Benchmark(OperationsPerInvoke = OperationsPerInvoke)]
    [BenchmarkCategory(Category)]
    public void Publisher() => _rig.Publish(OperationsPerInvoke);

    [Benchmark(Baseline = true, OperationsPerInvoke = OperationsPerInvoke)]
    [BenchmarkCategory(Category)]
    public void BareXadd() => _rig.BareXadd(OperationsPerInvoke);
}
