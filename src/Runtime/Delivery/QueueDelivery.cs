using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace GeneratedBus;

/// <summary>
/// A queue's per-event work, compiled for <typeparamref name="TDispatcher"/>: each event of a batch goes to every
/// listener through <see cref="ListenerCalls{TListener, TEvent, TDispatcher}"/>, counted, and timed as the
/// <see cref="TimingSampler"/> picks; then it is counted processed.
/// </summary>
internal sealed class QueueDelivery<TListener, TEvent, TDispatcher> : QueueConsumer<TListener, TEvent>
    where TListener : class
    where TEvent : class
    where TDispatcher : struct, IEventSpanDispatcher<TListener, TEvent>
{
    private readonly ListenerCalls<TListener, TEvent, TDispatcher> _calls;

    /// <param name="queue">The queue whose ring, listeners and counters this consumer works on.</param>
    /// <param name="owner">The bus: marks the dispatch thread.</param>
    /// <param name="calls">The delivery loops, guarded by the queue's guard.</param>
    public QueueDelivery(AsyncEventQueue<TListener, TEvent> queue, object owner, ListenerCalls<TListener, TEvent, TDispatcher> calls)
        : base(queue, owner)
    {
        _calls = calls;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    protected override bool DeliverBatch(long head, long tail)
    {
        AssertOnDispatchThread();

        // With timers on, a reading starts the batch; each later reading ends one timed call and starts the next,
        // or ends a run of untimed events (see TimingSampler).
        long clock = Context.Timed ? Context.Now() : 0;
        for (; head < tail; head++)
        {
            TEvent e = Ring.Take(head, out int kind);
            Invariant.Holds(Accounting.Processed + Accounting.Abandoned == head, "a queue has at most one event in flight");
            clock = Deliver(e, kind, clock);
            if (IsAbandoned)
            {
                if (Sampler.Untimed > 0)
                {
                    // The call that outlived ExitTimeout may be in this run: read it, or it is never reported.
                    EndUntimedRun(clock);
                }

                DropRemaining(head + 1);
                return false;
            }
        }

        if (Sampler.Untimed > 0)
        {
            // The batch ended in an untimed run: read it now, or a slow call in it would go unreported.
            EndUntimedRun(clock);
        }

        return true;
    }

    /// <summary>Delivers one event to every listener, then counts it processed.</summary>
    /// <param name="e">The event.</param>
    /// <param name="kind">Its kind.</param>
    /// <param name="clock">With timers on, the last reading: it starts this event's first call (or ends an untimed run).</param>
    /// <returns>With timers on, the last reading after the delivery; otherwise 0.</returns>
    private long Deliver(TEvent e, int kind, long clock)
    {
        ListenerSnapshot<TListener> snapshot = Listeners.Snapshot;
        bool measure = BusMetrics.QueueProcessingTime.Enabled;
        long start = clock, end;
        if (!Context.Timed)
        {
            start = measure ? Context.Now() : 0;
            _calls.CallEach(snapshot, e, kind);
            end = measure ? Context.Now() : 0;
        }
        else if (!measure && !BusMetrics.ListenerDuration.Enabled && !Sampler.TimeNext())
        {
            // Counted, not timed; the run's time is read with the next timed event or at the end of the batch.
            Tally.Count(snapshot.Timers);
            _calls.CallEach(snapshot, e, kind);
            end = clock;
        }
        else
        {
            if (Sampler.Untimed > 0)
            {
                start = EndUntimedRun(clock);
            }

            Tally.Count(snapshot.Timers);
            end = _calls.CallEachTimed(snapshot, e, kind, start);
            Sampler.Timed(end - start, snapshot.Listeners.Length);
        }

        // Only after every listener had it.
        Accounting.CountProcessed();
        if (measure)
        {
            BusMetrics.RecordSafely(
                BusMetrics.QueueProcessingTime,
                Context.ToSeconds(end - start),
                new KeyValuePair<string, object?>(BusMetricNames.BusTag, Context.Name),
                new KeyValuePair<string, object?>(BusMetricNames.QueueTag, Name));
        }

        return Context.Timed ? end : 0;
    }
}
