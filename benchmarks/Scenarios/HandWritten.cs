using GeneratedBus.Benchmarks.Events;

namespace GeneratedBus.Benchmarks.Scenarios;

/// <summary>The limit: what a person writes without a generator, a loop over the listeners and a type switch.</summary>
public static class HandWritten
{
    public static void PostToAll(IBenchListener[] listeners, BenchEvent e)
    {
        foreach (IBenchListener listener in listeners)
        {
            Switch(listener, e);
        }
    }

    public static void Switch(IBenchListener listener, BenchEvent e)
    {
        switch (e)
        {
            case JobSubmitted x: listener.OnJobSubmitted(x); break;
            case JobStarted x: listener.OnJobStarted(x); break;
            case TaskEnded x: listener.OnTaskEnded(x); break;
            case StageCompleted x: listener.OnStageCompleted(x); break;
            case JobEnded x: listener.OnJobEnded(x); break;
            case ExecutorAdded x: listener.OnExecutorAdded(x); break;
            case ExecutorRemoved x: listener.OnExecutorRemoved(x); break;
            case BlockUpdated x: listener.OnBlockUpdated(x); break;
            default: listener.OnOtherEvent(e); break;
        }
    }
}
