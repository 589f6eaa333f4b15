using System;
using BenchmarkDotNet.Attributes;
using GeneratedBus.Benchmarks.Events.Spark;

namespace GeneratedBus.Benchmarks.Scenarios;

/// <summary>Goal 1 on a 22-event bus: the generated per-listener dispatch at most as slow as the hand-written switch.</summary>
[GoalConfig]
[BenchmarkCategory(Categories.PerListener22)]
public class PerListenerDispatch22Benchmarks : PerListenerDispatchBenchmarks<ISparkListener, SparkEvent>
{
    protected override Type ListenerClass => typeof(SparkSumListener<>);

    protected override SparkEvent[] Kinds =>
    [
        new ApplicationStart(1), new ApplicationEnd(1), new JobStart(1), new JobEnd(1),
        new StageSubmitted(1), new StageCompleted(1), new TaskStart(1), new TaskGettingResult(1),
        new TaskEnd(1), new EnvironmentUpdate(1), new BlockManagerAdded(1), new BlockManagerRemoved(1),
        new UnpersistRdd(1), new ExecutorAdded(1), new ExecutorRemoved(1), new ExecutorExcluded(1),
        new ExecutorUnexcluded(1), new NodeExcluded(1), new NodeUnexcluded(1), new BlockUpdated(1),
        new ExecutorMetricsUpdate(1), new SpeculativeTaskSubmitted(1),
    ];

    [Benchmark(Baseline = true, OperationsPerInvoke = EventSequence.Length, Description = "hand-written type switch per listener")]
    public override void HandWritten()
    {
        ISparkListener[] listeners = Listeners;
        foreach (SparkEvent e in Events)
        {
            foreach (ISparkListener listener in listeners)
            {
                Scenarios.HandWritten.Switch(listener, e);
            }
        }
    }

    [Benchmark(OperationsPerInvoke = EventSequence.Length, Description = "generated Dispatch(listener, e) per listener")]
    public override void Generated()
    {
        ISparkListener[] listeners = Listeners;
        foreach (SparkEvent e in Events)
        {
            foreach (ISparkListener listener in listeners)
            {
                SparkDispatcher.Dispatch(listener, e);
            }
        }
    }
}
