using GeneratedBus.Benchmarks.Events.Spark;

namespace GeneratedBus.Benchmarks.Scenarios;

/// <summary>The hand-written switch of the 22-event bus, in a file of its own: some of its event names are also events of the eight-event bus.</summary>
public static partial class HandWritten
{
    public static void Switch(ISparkListener listener, SparkEvent e)
    {
        switch (e)
        {
            case ApplicationStart x: listener.OnApplicationStart(x); break;
            case ApplicationEnd x: listener.OnApplicationEnd(x); break;
            case JobStart x: listener.OnJobStart(x); break;
            case JobEnd x: listener.OnJobEnd(x); break;
            case StageSubmitted x: listener.OnStageSubmitted(x); break;
            case StageCompleted x: listener.OnStageCompleted(x); break;
            case TaskStart x: listener.OnTaskStart(x); break;
            case TaskGettingResult x: listener.OnTaskGettingResult(x); break;
            case TaskEnd x: listener.OnTaskEnd(x); break;
            case EnvironmentUpdate x: listener.OnEnvironmentUpdate(x); break;
            case BlockManagerAdded x: listener.OnBlockManagerAdded(x); break;
            case BlockManagerRemoved x: listener.OnBlockManagerRemoved(x); break;
            case UnpersistRdd x: listener.OnUnpersistRdd(x); break;
            case ExecutorAdded x: listener.OnExecutorAdded(x); break;
            case ExecutorRemoved x: listener.OnExecutorRemoved(x); break;
            case ExecutorExcluded x: listener.OnExecutorExcluded(x); break;
            case ExecutorUnexcluded x: listener.OnExecutorUnexcluded(x); break;
            case NodeExcluded x: listener.OnNodeExcluded(x); break;
            case NodeUnexcluded x: listener.OnNodeUnexcluded(x); break;
            case BlockUpdated x: listener.OnBlockUpdated(x); break;
            case ExecutorMetricsUpdate x: listener.OnExecutorMetricsUpdate(x); break;
            case SpeculativeTaskSubmitted x: listener.OnSpeculativeTaskSubmitted(x); break;
            default: listener.OnOtherEvent(e); break;
        }
    }
}
