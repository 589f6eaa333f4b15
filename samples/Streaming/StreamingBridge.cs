namespace SparkStreaming;

/// <summary>
/// The main-bus half of Spark's <c>StreamingListenerBus</c> (its <c>onOtherEvent</c>): a main-bus listener on the
/// <c>appStatus</c> queue that opens each <see cref="WrappedStreamingEvent"/> and delivers the streaming event inside
/// to the streaming listeners, synchronously, on the queue's own dispatch thread. Every other main-bus event is
/// ignored by the generated no-op base.
/// </summary>
/// <param name="streaming">The streaming listeners' bus.</param>
public sealed class StreamingBridge(StreamingListenerBus streaming) : SparkListener
{
    /// <inheritdoc/>
    public override void OnWrappedStreaming(WrappedStreamingEvent e) => streaming.PostToAll(e.Event);
}
