using System;
using System.Collections.Generic;

namespace GeneratedBus;

/// <summary>
/// Builds a <see cref="LiveListenerBus{TListener, TEvent}"/>'s <see cref="BusStats"/>: sums per queue name and per
/// listener type over the live and retired queues, plus the final counters of retired queues whose thread has ended
/// (folded in once, so the queues and their rings can go).
/// </summary>
/// <remarks>
/// A name may have several queues at once: one live (or the newest retired) and older retired ones still draining
/// (their last listener stuck). The name's row is the newest one's snapshot (capacity, size, the event in flight)
/// plus only the events the others have finished (processed or dropped), so it keeps each row's bounds: size within
/// the capacity, at most one event in flight. The others' waiting events join the row, processed or dropped, as they
/// finish. Not thread-safe: every call runs under the bus lock, which the caller holds.
/// </remarks>
internal sealed class StatsAggregator<TListener, TEvent>
    where TListener : class
    where TEvent : class
{
    private readonly object _gate;
    private readonly Dictionary<string, QueueStats> _foldedQueues = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, ListenerStats> _foldedListeners = new();

    /// <param name="gate">The bus lock, held by every caller.</param>
    public StatsAggregator(object gate)
    {
        _gate = gate;
    }

    /// <summary>Under the bus lock: adds the final counters of a queue whose thread has ended.</summary>
    public void Fold(AsyncEventQueue<TListener, TEvent> exited)
    {
        Invariant.LockHeld(_gate, "retired totals change under the bus lock");
        Invariant.Holds(exited.HasExited, "only a queue whose thread ended has final counters to fold");
        QueueStats final = exited.GetStats();
        Invariant.Holds(final.Size == 0 && final.Posted == final.Processed + final.Dropped, "an ended queue's counters balance");
        Add(_foldedQueues, final);
        AddListeners(_foldedListeners, exited);
    }

    /// <summary>Under the bus lock: the folded totals plus a snapshot of <paramref name="queues"/>.</summary>
    /// <param name="queues">The queues not yet folded, older ones of a name before newer ones (retired first, then live).</param>
    /// <param name="eventsPosted">The bus's posted count.</param>
    /// <param name="startBufferDropped">The start buffer's drops.</param>
    public BusStats Snapshot(AsyncEventQueue<TListener, TEvent>[] queues, long eventsPosted, long startBufferDropped)
    {
        Invariant.LockHeld(_gate, "retired totals are read under the bus lock");
        var newest = new Dictionary<string, AsyncEventQueue<TListener, TEvent>>(StringComparer.Ordinal);
        foreach (AsyncEventQueue<TListener, TEvent> queue in queues)
        {
            newest[queue.Name] = queue;
        }

        var byQueue = new Dictionary<string, QueueStats>(_foldedQueues, StringComparer.Ordinal);
        var byListener = new Dictionary<Type, ListenerStats>(_foldedListeners);
        foreach (AsyncEventQueue<TListener, TEvent> queue in queues)
        {
            QueueStats stats = queue.GetStats();
            Add(byQueue, ReferenceEquals(newest[queue.Name], queue) ? stats : Finished(stats));
            AddListeners(byListener, queue);
        }

        return new BusStats(eventsPosted, byQueue, byListener) { StartBufferDropped = startBufferDropped };
    }

    /// <summary>The events an older queue of a name has finished: counted as posted once processed or dropped.</summary>
    private static QueueStats Finished(QueueStats older) =>
        older with { Size = 0, Posted = older.Processed + older.Dropped };

    /// <summary>Adds a queue's counters to its name's row; the row takes the capacity of the newer, <paramref name="add"/>.</summary>
    private static void Add(Dictionary<string, QueueStats> byQueue, QueueStats add)
    {
        byQueue[add.Name] = byQueue.TryGetValue(add.Name, out QueueStats? had)
            ? add with { Size = had.Size + add.Size, Posted = had.Posted + add.Posted, Processed = had.Processed + add.Processed, Dropped = had.Dropped + add.Dropped, Skipped = had.Skipped + add.Skipped }
            : add;
        Invariant.Holds(byQueue[add.Name].Size <= byQueue[add.Name].Capacity, "a queue name's row is within its capacity");
    }

    /// <summary>Adds a queue's timers to the totals by listener type.</summary>
    private static void AddListeners(Dictionary<Type, ListenerStats> byListener, AsyncEventQueue<TListener, TEvent> queue)
    {
        foreach (ListenerStats stats in queue.GetListenerStats())
        {
            byListener[stats.ListenerType] = byListener.TryGetValue(stats.ListenerType, out ListenerStats? old)
                ? stats with
                {
                    Events = old.Events + stats.Events,
                    Failures = old.Failures + stats.Failures,
                    TotalTime = old.TotalTime + stats.TotalTime,
                    MaxTime = old.MaxTime > stats.MaxTime ? old.MaxTime : stats.MaxTime,
                }
                : stats;
        }
    }
}
