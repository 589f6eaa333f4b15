using System;
using BenchmarkDotNet.Attributes;
using GeneratedBus.Benchmarks.Events;

namespace GeneratedBus.Benchmarks.Scenarios;

/// <summary>Goal 1 on a three-event bus: the generated per-listener dispatch within 1.10x the hand-written switch.</summary>
[GoalConfig]
[BenchmarkCategory(Categories.PerListener3)]
public class PerListenerDispatch3Benchmarks : PerListenerDispatchBenchmarks<ITrioListener, TrioEvent>
{
    protected override Type ListenerClass => typeof(TrioSumListener<>);

    protected override TrioEvent[] Kinds => [new TrioStarted(1), new TrioProgressed(1), new TrioFinished(1)];

    [Benchmark(Baseline = true, OperationsPerInvoke = EventSequence.Length, Description = "hand-written type switch per listener")]
    public override void HandWritten()
    {
        ITrioListener[] listeners = Listeners;
        foreach (TrioEvent e in Events)
        {
            foreach (ITrioListener listener in listeners)
            {
                Scenarios.HandWritten.Switch(listener, e);
            }
        }
    }

    [Benchmark(OperationsPerInvoke = EventSequence.Length, Description = "generated Dispatch(listener, e) per listener")]
    public override void Generated()
    {
        ITrioListener[] listeners = Listeners;
        foreach (TrioEvent e in Events)
        {
            foreach (ITrioListener listener in listeners)
            {
                TrioDispatcher.Dispatch(listener, e);
            }
        }
    }
}
