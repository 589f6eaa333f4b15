using SparkScheduler.Events;

namespace SparkScheduler.Listeners;

/// <summary>A firehose listener on the shared queue: counts every event, and every event type, through one method.</summary>
internal sealed class EventCounter : SparkFirehoseListener
{
    // Written only on the shared queue's thread; read after the bus stopped, which joined that thread.
    private readonly long[] _byKind = new long[SparkEventKindCount];

    private static int SparkEventKindCount => System.Enum.GetValues<SparkEventKind>().Length;

    public long Total { get; private set; }

    /// <summary>How many events of a kind it saw.</summary>
    public long Count(SparkEventKind kind) => _byKind[(int)kind];

    public override void OnEvent(SparkListenerEvent e)
    {
        Total++;
        _byKind[(int)SparkDispatcher.KindOf(e)]++;
    }
}
