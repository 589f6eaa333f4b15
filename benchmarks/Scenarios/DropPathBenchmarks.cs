using System.Threading.Channels;
using BenchmarkDotNet.Attributes;
using GeneratedBus.Benchmarks.Events;

namespace GeneratedBus.Benchmarks.Scenarios;

/// <summary>Goal 5: a post to a full queue, which must count the drop (the channel's DropWrite counts nothing).</summary>
[GoalConfig]
[BenchmarkCategory(Categories.DropPath)]
public class DropPathBenchmarks
{
    private readonly JobSubmitted _event = new(1);
    private Channel<BenchEvent> _channel = null!;
    private BenchBus _bus = null!;
    private BlockingListener _blocking = null!;

    [GlobalSetup]
    public void Setup()
    {
        _channel = Channel.CreateBounded<BenchEvent>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
        _channel.Writer.TryWrite(_event);

        // One event blocks the listener, one waits: every later post finds the queue full.
        _bus = new BenchBus(new BusOptions { QueueCapacity = 1 });
        _blocking = new BlockingListener();
        _bus.AddToSharedQueue(_blocking);
        _bus.Start();
        _bus.Post(_event);
        _bus.Post(_event);
        _bus.Post(_event);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _blocking.Release();
        _bus.Dispose();
    }

    [Benchmark(Baseline = true, Description = "Channel<T> DropWrite, full")]
    public bool ChannelDropWrite() => _channel.Writer.TryWrite(_event);

    [Benchmark(Description = "GeneratedBus Post, full queue (counted drop)")]
    public void BusDrop() => _bus.Post(_event);
}
