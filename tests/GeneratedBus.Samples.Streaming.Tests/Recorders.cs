using System.Collections.Generic;
using System.Threading;
using SparkStreaming;

namespace GeneratedBus.Samples.Streaming.Tests;

/// <summary>One delivery: the event and the name of the thread it arrived on.</summary>
public readonly record struct Delivery<T>(T Event, string? Thread);

/// <summary>What both recorders keep. Read after the main bus has stopped.</summary>
public abstract class Recorder<TEvent>
{
    public List<Delivery<TEvent>> Received { get; } = [];

    public int OtherEvents { get; private set; }

    public void OnOtherEvent(TEvent e)
    {
        OtherEvents++;
        Record(e);
    }

    protected void Record(TEvent e) => Received.Add(new(e, Thread.CurrentThread.Name));
}

/// <summary>Implements the generated main-bus interface directly, so every handler, OnOtherEvent included, is recorded.</summary>
public sealed class MainBusRecorder : Recorder<SparkListenerEvent>, ISparkListener
{
    public void OnApplicationStart(ApplicationStart e) => Record(e);

    public void OnApplicationEnd(ApplicationEnd e) => Record(e);

    public void OnJobStart(JobStart e) => Record(e);

    public void OnJobEnd(JobEnd e) => Record(e);

    public void OnWrappedStreaming(WrappedStreamingEvent e) => Record(e);
}

/// <summary>The same for the streaming bus.</summary>
public sealed class StreamingRecorder : Recorder<StreamingListenerEvent>, IStreamingListener
{
    public void OnBatchSubmitted(BatchSubmitted e) => Record(e);

    public void OnBatchStarted(BatchStarted e) => Record(e);

    public void OnBatchCompleted(BatchCompleted e) => Record(e);

    public void OnOutputOperationStarted(OutputOperationStarted e) => Record(e);

    public void OnOutputOperationCompleted(OutputOperationCompleted e) => Record(e);
}
