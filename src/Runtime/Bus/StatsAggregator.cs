using System;
using System.Collections.Generic;

namespace GeneratedBus;

/// <summary>
/// Builds a <see cref="LiveListenerBus{TListener, TEvent}"/>'s <see cref="BusStats"/>: sums per queue name and per
/// listener type over the live and retired queues, plus the final counters of retired queues whose thread has ended
/// (folded in once, so the queues and their rings can go).
/// </summary>
/// <remarks>Not thread-safe: every call runs under the bus lock, which the caller holds.</remarks>
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
        Accumulate(_foldedQueues, _foldedListeners, exited);
    }

    /// <summary>Under the bus lock: the folded totals plus a snapshot of <paramref name="queues"/>.</summary>
    public BusStats Snapshot(AsyncEventQueue<TListener, TEvent>[] queues, long eventsPosted, long startBufferDropped)
    {
        Invariant.LockHeld(_gate, "retired totals are read under the bus lock");
        var byQueue = new Dictionary<string, QueueStats>(_foldedQueues, StringComparer.Ordinal);
        var byListener = new Dictionary<Type, ListenerStats>(_foldedListeners);
        foreach (AsyncEventQueue<TListener, TEvent> queue in queues)
        {
            Accumulate(byQueue, byListener, queue);
        }

        return new BusStats(eventsPosted, byQueue, byListener) { StartBufferDropped = startBufferDropped };
    }

    /// <summary>Adds a queue's counters and timers to totals by queue name and by listener type.</summary>
    private static void Accumulate(
        Dictionary<string, QueueStats> byQueue,
        Dictionary<Type, ListenerStats> byListener,
        AsyncEventQueue<TListener, TEvent> queue)
    {
        QueueStats add = queue.GetStats();
        byQueue[add.Name] = byQueue.TryGetValue(add.Name, out QueueStats? had)
            ? add with { Size = had.Size + add.Size, Posted = had.Posted + add.Posted, Processed = had.Processed + add.Processed, Dropped = had.Dropped + add.Dropped }
            : add;
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
