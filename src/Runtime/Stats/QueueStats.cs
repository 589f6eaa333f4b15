using System.Diagnostics;

namespace GeneratedBus;

/// <summary>
/// A snapshot of one queue's counters. At every moment <c>Posted = Processed + Dropped + Size + in-flight</c>, and the
/// events offered to the queue are <c>Posted + Skipped</c>.
/// </summary>
/// <param name="Name">The queue name.</param>
/// <param name="Capacity">The exact number of waiting events the queue holds.</param>
/// <param name="Size">Events waiting, not counting the one being processed.</param>
/// <param name="Posted">Events offered to the queue: accepted or dropped.</param>
/// <param name="Processed">Events every listener of the queue has had.</param>
/// <param name="Dropped">Events refused because the queue was full, or abandoned at shutdown.</param>
[DebuggerDisplay("{Name,nq}: {Size}/{Capacity} posted {Posted} processed {Processed} dropped {Dropped}")]
public sealed record QueueStats(string Name, int Capacity, int Size, long Posted, long Processed, long Dropped)
{
    /// <summary>The queue's counters as a small table: a header line and the queue's row.</summary>
    /// <returns>The table, two lines.</returns>
    public override string ToString() => StatsTable.Of(StatsTable.QueueHeader, StatsTable.Row(this));

    /// <summary>
    /// Events offered to the queue that no listener of it handles (see <see cref="EventKindSet"/>): never enqueued, so
    /// neither posted nor dropped.
    /// </summary>
    public long Skipped { get; init; }
}
