using System.Threading;
using SparkScheduler.Events;

namespace SparkScheduler.Redis;

/// <summary>Notes that the application's end event was processed: one way <c>history</c> knows the run is over.</summary>
internal sealed class ApplicationEndSeen : SparkListener
{
    private int _seen;

    /// <summary>Whether a <c>SparkListenerApplicationEnd</c> went through the queue (read from any thread).</summary>
    public bool Seen => Volatile.Read(ref _seen) == 1;

    /// <inheritdoc/>
    public override void OnApplicationEnd(ApplicationEnd e) => Volatile.Write(ref _seen, 1);
}
