using System;
using System.Threading;
using BenchmarkDotNet.Attributes;
using GeneratedBus.Benchmarks.Events;

namespace GeneratedBus.Benchmarks.Scenarios;

/// <summary>
/// Issue 14, point 3, the post path alone: a post to a full <see cref="QueueFullMode.DropWrite"/> queue with the
/// interest filter off and on. <see cref="FilterPathBenchmarks"/> measures posts that are delivered, where the
/// consumer's pace hides a few nanoseconds; here every post is a counted drop, so the filter's mask check is a visible
/// share of the whole.
/// </summary>
[GoalConfig]
[BenchmarkCategory(Categories.FilterDropPath)]
public class FilterDropPathBenchmarks
{
    /// <summary>Posts per call of the plain loops (<see cref="FilterOffLoop"/>, <see cref="FilterOnLoop"/>).</summary>
    public const int Batch = 1000;

    private readonly TrioStarted _handled = new(1);
    private TrioBus _off = null!;
    private TrioBus _on = null!;
    private BlockedStartedListener _offListener = null!;
    private BlockedStartedListener _onListener = null!;

    [GlobalSetup]
    public void Setup()
    {
        (_off, _offListener) = CreateFull(EventKindSet.All);
        (_on, _onListener) = CreateFull(null);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        // Read before the release lets the listeners drain: the posts must have been counted drops on both buses.
        QueueStats off = _off.GetStats().Queues["q"];
        QueueStats on = _on.GetStats().Queues["q"];
        _offListener.Release();
        _onListener.Release();
        _off.Dispose();
        _on.Dispose();
        if (off.Dropped < 1 || on.Dropped < 1)
        {
            throw new InvalidOperationException($"A queue was not full: dropped {off.Dropped} (filter off), {on.Dropped} (filter on).");
        }

        if (off.Skipped != 0 || on.Skipped != 0)
        {
            throw new InvalidOperationException("A handled event was skipped.");
        }
    }

    [Benchmark(Baseline = true, Description = "Post to a full queue, filter off (every kind), handled event")]
    public void FilterOff() => _off.Post(_handled);

    [Benchmark(Description = "Post to a full queue, filter on, handled event (one mask check more)")]
    public void FilterOn() => _on.Post(_handled);

    /// <summary>The plain-loop form of <see cref="FilterOff"/> (<c>--plain</c>): <see cref="Batch"/> posts.</summary>
    public void FilterOffLoop() => PostBatch(_off, _handled);

    /// <summary>The plain-loop form of <see cref="FilterOn"/>: <see cref="Batch"/> posts.</summary>
    public void FilterOnLoop() => PostBatch(_on, _handled);

    private static void PostBatch(TrioBus bus, TrioStarted e)
    {
        for (int i = 0; i < Batch; i++)
        {
            bus.Post(e);
        }
    }

    // kinds null: as the generator found them (TrioStarted only). One event blocks the listener and one fills the
    // queue of one, so every later post of a handled event finds it full.
    private static (TrioBus Bus, BlockedStartedListener Listener) CreateFull(EventKindSet? kinds)
    {
        var bus = new TrioBus(new BusOptions { QueueCapacity = 1, QueueFullMode = QueueFullMode.DropWrite });
        var listener = new BlockedStartedListener();
        FilterPathBenchmarks.AddToQueue(bus, listener, kinds);

        bus.Start();
        bus.Post(new TrioStarted(0));
        listener.Entered.Wait(TimeSpan.FromSeconds(10));
        bus.Post(new TrioStarted(0));
        return (bus, listener);
    }

    /// <summary>Handles one kind of three, and blocks in its first call until released.</summary>
    public sealed class BlockedStartedListener : TrioListener
    {
        private readonly ManualResetEventSlim _release = new(false);

        /// <summary>Set once the listener is blocked in its first call.</summary>
        public ManualResetEventSlim Entered { get; } = new(false);

        public override void OnTrioStarted(TrioStarted e)
        {
            Entered.Set();
            _release.Wait();
        }

        public void Release() => _release.Set();
    }
}
