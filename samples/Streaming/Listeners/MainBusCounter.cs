namespace SparkStreaming;

/// <summary>
/// Counts every main-bus event on the shared queue through the generated firehose base. Streaming events reach it only
/// as <see cref="WrappedStreamingEvent"/> envelopes: its handler takes a <see cref="SparkListenerEvent"/>, and no
/// streaming event is one.
/// </summary>
public sealed class MainBusCounter : SparkFirehoseListener
{
    /// <summary>Every event it received.</summary>
    public long Events { get; private set; }

    /// <summary>The envelopes among them.</summary>
    public long WrappedStreamingEvents { get; private set; }

    /// <inheritdoc/>
    public override void OnEvent(SparkListenerEvent e)
    {
        Events++;
        if (e is WrappedStreamingEvent)
        {
            WrappedStreamingEvents++;
        }
    }
}
