using System;
using System.Threading;
using BenchmarkDotNet.Attributes;
using GeneratedBus.Benchmarks.Events;

namespace GeneratedBus.Benchmarks.Scenarios;

/// <summary>
/// Issue 14, point 3: the post path with interest filtering off and on. One Wait queue of <see cref="BusRig.Capacity"/>
/// and a listener that handles only <see cref="TrioStarted"/>: added as the generator saw it (filter on), or with
/// <see cref="EventKindSet.All"/> (filter off). A handled post pays one mask check more than an unfiltered one; a
/// skipped post pays the check and a per-thread count, and no ring slot, no wake and no delivery.
/// </summary>
[GoalConfig]
[BenchmarkCategory(Categories.FilterPath)]
public class FilterPathBenchmarks
{
    /// <summary>Posts per benchmark call.</summary>
    public const int Batch = 1000;

    private readonly TrioStarted _handled = new(1);
    private readonly TrioProgressed _skipped = new(2);
    private TrioBus _off = null!;
    private TrioBus _on = null!;
    private StartedCounter _offListener = null!;
    private StartedCounter _onListener = null!;

    [GlobalSetup]
    public void Setup()
    {
        var options = new BusOptions { QueueCapacity = BusRig.Capacity, QueueFullMode = QueueFullMode.Wait };
        (_off, _offListener) = Create(options, EventKindSet.All);
        (_on, _onListener) = Create(options, null);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _off.Stop();
        _on.Stop();
        long skipped = _on.GetStats().Queues["q"].Skipped;
        long unfiltered = _off.GetStats().Queues["q"].Skipped;
        _off.Dispose();
        _on.Dispose();
        if (unfiltered != 0)
        {
            throw new InvalidOperationException($"The unfiltered queue skipped {unfiltered} events.");
        }

        if (skipped == 0)
        {
            throw new InvalidOperationException("The filtered queue skipped nothing: the filter was off.");
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Batch, Description = "Post, filter off (every kind), handled event")]
    public void FilterOffHandled() => Round(_off, _offListener, _handled);

    [Benchmark(OperationsPerInvoke = Batch, Description = "Post, filter on, handled event (one mask check more)")]
    public void FilterOnHandled() => Round(_on, _onListener, _handled);

    [Benchmark(OperationsPerInvoke = Batch, Description = "Post, filter on, skipped event (never enqueued)")]
    public void FilterOnSkipped()
    {
        TrioBus bus = _on;
        TrioProgressed e = _skipped;
        for (int i = 0; i < Batch; i++)
        {
            bus.Post(e);
        }
    }

    // kinds null: as the generator found them, TrioStarted only.
    private static (TrioBus Bus, StartedCounter Listener) Create(BusOptions options, EventKindSet? kinds)
    {
        var bus = new TrioBus(options);
        var listener = new StartedCounter();
        AddToQueue(bus, listener, kinds);

        bus.Start();
        return (bus, listener);
    }

    /// <summary>Adds <paramref name="listener"/> on queue "q" with the kinds the generator found (null) or <paramref name="kinds"/>.</summary>
    internal static void AddToQueue(TrioBus bus, TrioListener listener, EventKindSet? kinds)
    {
        if (kinds is null)
        {
            bus.AddToQueue(listener, "q");
        }
        else
        {
            bus.AddToQueue(listener, "q", kinds);
        }
    }

    // Batch posts, then a wait until the listener had them all: the Wait queue keeps it lossless.
    private static void Round(TrioBus bus, StartedCounter listener, TrioStarted e)
    {
        long target = listener.Count + Batch;
        for (int i = 0; i < Batch; i++)
        {
            bus.Post(e);
        }

        // Never Sleep(1): a millisecond's nap per batch would be a microsecond per post, and hide the filter.
        SpinWait spin = default;
        while (listener.Count < target)
        {
            spin.SpinOnce(sleep1Threshold: -1);
        }
    }

    /// <summary>Handles one kind of three, so the generator gives its queue a filter.</summary>
    public sealed class StartedCounter : TrioListener
    {
        private long _count;

        public long Count => Volatile.Read(ref _count);

        public override void OnTrioStarted(TrioStarted e) => Volatile.Write(ref _count, _count + 1);
    }
}
