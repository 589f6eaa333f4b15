using System;
using System.Threading.Channels;
using BenchmarkDotNet.Attributes;
using GeneratedBus.Benchmarks.Events;

namespace GeneratedBus.Benchmarks.Scenarios;

/// <summary>Goal 5: a post to a full queue, which must count the drop (the channel's DropWrite counts nothing).</summary>
[GoalConfig]
[BenchmarkCategory(Categories.DropPath)]
public class DropPathBenchmarks
{
    /// <summary>Posts per call of the plain loops (<see cref="PostLoop"/>, <see cref="DropWriteLoop"/>).</summary>
    public const int Batch = 1000;

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
        // Read before the release lets the listener drain: every post after the first two must have been a counted drop.
        long dropped = _bus.GetStats().Queues[BenchBus.SharedQueue].Dropped;
        _blocking.Release();
        _bus.Dispose();
        if (dropped < 1)
        {
            throw new InvalidOperationException("The drop-path scenario dropped nothing: the queue was not full.");
        }
    }

    [Benchmark(Baseline = true, Description = "Channel<T> DropWrite, full")]
    public bool ChannelDropWrite() => _channel.Writer.TryWrite(_event);

    [Benchmark(Description = "GeneratedBus Post, full queue (counted drop)")]
    public void BusDrop() => _bus.Post(_event);

    /// <summary>The plain-loop form of <see cref="BusDrop"/> (<c>--plain</c>): <see cref="Batch"/> posts in a loop.</summary>
    public void PostLoop()
    {
        BenchBus bus = _bus;
        JobSubmitted e = _event;
        for (int i = 0; i < Batch; i++)
        {
            bus.Post(e);
        }
    }

    /// <summary>The plain-loop form of <see cref="ChannelDropWrite"/>: <see cref="Batch"/> writes in a loop.</summary>
    public void DropWriteLoop()
    {
        ChannelWriter<BenchEvent> writer = _channel.Writer;
        JobSubmitted e = _event;
        for (int i = 0; i < Batch; i++)
        {
            writer.TryWrite(e);
        }
    }
}
