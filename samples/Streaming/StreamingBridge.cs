namespace SparkStreaming;

/// <summary>
/// The main-bus half of Spark's <c>StreamingListenerBus</c>, which borrows the main bus's <c>appStatus</c> queue
/// instead of owning a thread. <see cref="Post"/> wraps a streaming event and posts it to the main bus; on
/// <c>appStatus</c>, this listener opens each <see cref="WrappedStreamingEvent"/> (Spark's <c>onOtherEvent</c>) and
/// hands the streaming event inside to the generated synchronous <see cref="StreamingListenerBus"/>, which delivers it to
/// the streaming listeners on that queue's dispatch thread. Streaming listeners therefore see streaming events one at a
/// time, in posting order, interleaved correctly with the main bus's own events. Every other main-bus event is ignored
/// by the generated no-op base.
/// </summary>
/// <param name="sparkBus">The main bus that carries the wrapped events.</param>
/// <param name="streaming">The streaming listeners' bus.</param>
public sealed class StreamingBridge(SparkBus sparkBus, StreamingListenerBus streaming) : SparkListener
{
    /// <summary>The main-bus queue the streaming events ride on, as in Spark.</summary>
    public const string StatusQueue = "appStatus";

    /// <summary>Puts this bridge on the main bus's <see cref="StatusQueue"/>, so wrapped events reach the streaming listeners.</summary>
    public void Start() => sparkBus.AddToQueue(this, StatusQueue);

    /// <summary>Posts a streaming event: wrapped, to the main bus. It never blocks, like any post to the main bus.</summary>
    /// <param name="e">The streaming event.</param>
    public void Post(StreamingListenerEvent e) => sparkBus.Post(new WrappedStreamingEvent(e));

    /// <inheritdoc/>
    public override void OnWrappedStreaming(WrappedStreamingEvent e) => streaming.PostToAll(e.Event);
}
