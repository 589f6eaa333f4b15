using SparkScheduler.Events;

namespace SparkScheduler.Listeners;

/// <summary>A firehose listener on the shared queue: counts every event, and every event type, through one method.</summary>
internal sealed class EventCounter : SparkFirehoseListener
{
    // Written only on the shared queue's thread; read after the bus stopped, which joined that thread.
    // Kinds are dense from 0 (Other) to KindCount - 1, so the kind is the index.
    private readonly long[] _byKind = new long[SparkDispatcher.KindCount];

    public long Total { get; private set; }

    /// <summary>How many events of a kind it saw.</summary>
    public long Count(SparkEventKind kind) => _byKind[(int)kind];

    public override void OnEvent(SparkListenerEvent e)
    {
        Total++;
        _byKind[(int)SparkDispatcher.KindOf(e)]++;
    }
}
