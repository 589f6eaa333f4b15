using GeneratedBus.Benchmarks.Events;

namespace GeneratedBus.Benchmarks.Scenarios;

/// <summary>
/// The limit: what a person writes without a generator, a loop over the listeners and a type switch, one per bus.
/// The C# compiler turns each into type tests in declaration order, so a late case costs more than an early one.
/// </summary>
public static partial class HandWritten
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

    public static void Switch(ITrioListener listener, TrioEvent e)
    {
        switch (e)
        {
            case TrioStarted x: listener.OnTrioStarted(x); break;
            case TrioProgressed x: listener.OnTrioProgressed(x); break;
            case TrioFinished x: listener.OnTrioFinished(x); break;
            default: listener.OnOtherEvent(e); break;
        }
    }
}
