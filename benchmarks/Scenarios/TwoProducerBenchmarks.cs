using BenchmarkDotNet.Attributes;

namespace GeneratedBus.Benchmarks.Scenarios;

/// <summary>Goal 4: two producers into one queue keep at least 0.7x the single-producer rate (same events, same queue).</summary>
[GoalConfig]
[BenchmarkCategory(Categories.TwoProducers)]
public class TwoProducerBenchmarks
{
    private const int Events = LosslessBenchmarks.Events;

    private BusRig _rig = null!;
    private SecondProducer? _second;

    [GlobalSetup]
    public void Setup()
    {
        _rig = new BusRig(timers: false);
        _second = new SecondProducer();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _second?.Dispose();
        _rig.Dispose();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Events, Description = "GeneratedBus, 1 producer")]
    public void OneProducer() => LosslessBenchmarks.Round(_rig);

    [Benchmark(OperationsPerInvoke = Events, Description = "GeneratedBus, 2 producers")]
    public void TwoProducers()
    {
        long target = _rig.Listener.Count + Events;
        _second!.Begin(() => _rig.Produce(Events / 2));
        _rig.Produce(Events / 2);
        _second.End();
        Drain.WaitFor(_rig.Listener, target);
    }
}
