using GeneratedBus;

namespace SparkStreaming;

/// <summary>
/// Spark's <c>StreamingListenerBus</c>: a synchronous <see cref="ListenerBus{TListener, TEvent}"/> of streaming listeners
/// that borrows the main bus's <c>appStatus</c> queue instead of owning a thread. <see cref="Post"/> wraps a streaming
/// event and posts it to the main bus; the <see cref="StreamingBridge"/> on <c>appStatus</c> unwraps it and calls
/// <see cref="ListenerBus{TListener, TEvent}.PostToAll"/> on that queue's dispatch thread. Streaming listeners therefore
/// see streaming events one at a time, in posting order, interleaved correctly with the main bus's own events.
/// </summary>
/// <param name="sparkBus">The main bus that carries the wrapped events.</param>
public sealed class StreamingListenerBus(SparkBus sparkBus)
    : ListenerBus<IStreamingListener, StreamingListenerEvent>(null, DispatcherBinding<IStreamingListener, StreamingListenerEvent>.Of<StreamingDispatcher>())
{
    /// <summary>The main-bus queue the streaming events ride on, as in Spark.</summary>
    public const string StatusQueue = "appStatus";

    /// <summary>Puts the bridge on the main bus's <see cref="StatusQueue"/>, so wrapped events reach this bus's listeners.</summary>
    public void Start() => sparkBus.AddToQueue(new StreamingBridge(this), StatusQueue);

    /// <summary>Posts a streaming event: wrapped, to the main bus. It never blocks, like any post to the main bus.</summary>
    /// <param name="e">The streaming event.</param>
    public void Post(StreamingListenerEvent e) => sparkBus.Post(new WrappedStreamingEvent(e));
}
