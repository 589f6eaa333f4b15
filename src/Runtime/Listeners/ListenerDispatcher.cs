using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.Extensions.Logging;

namespace GeneratedBus;

/// <summary>Calls the generated dispatch switch for one listener.</summary>
internal delegate void DispatchHook<TListener, TEvent>(TListener listener, TEvent e, int kind);

/// <summary>
/// Delivers an event to every listener of a <see cref="ListenerList{TListener}"/> snapshot: each call guarded (a
/// failure is logged, counted and does not stop the others) and, with timers on, timed with n + 1 clock reads for n
/// listeners, each read ending one call and starting the next.
/// </summary>
internal sealed class ListenerDispatcher<TListener, TEvent>
    where TListener : class
    where TEvent : class
{
    private readonly BusContext _context;
    private readonly DispatchHook<TListener, TEvent> _hook;
    private readonly Action<TListener> _onInterrupted;
    private readonly string? _queue;
    private readonly string _where;

    /// <param name="context">The bus's shared settings.</param>
    /// <param name="hook">The bus's dispatch switch.</param>
    /// <param name="onInterrupted">Removes a listener that threw <see cref="ThreadInterruptedException"/>.</param>
    /// <param name="queue">The queue name, or <see langword="null"/> for the synchronous bus.</param>
    /// <param name="concurrentWriters">Whether several threads may deliver at once (the synchronous bus).</param>
    public ListenerDispatcher(
        BusContext context,
        DispatchHook<TListener, TEvent> hook,
        Action<TListener> onInterrupted,
        string? queue,
        bool concurrentWriters)
    {
        _context = context;
        _hook = hook;
        _onInterrupted = onInterrupted;
        _queue = queue;
        _where = queue is null ? $"bus {context.Name}" : $"queue {queue} of bus {context.Name}";
        Listeners = new ListenerList<TListener>(context.MaxTimedListenerTypes, concurrentWriters);
    }

    public ListenerList<TListener> Listeners { get; }

    /// <summary>Delivers <paramref name="e"/> to the listeners of the current snapshot.</summary>
    /// <param name="e">The event.</param>
    /// <param name="kind">Its kind, passed to the dispatch hook.</param>
    /// <param name="start">
    /// With timers on, a clock reading taken just before: it starts the first listener's call. A queue passes the
    /// reading that ended the previous event of its batch, so back-to-back events cost n, not n + 1, clock reads.
    /// </param>
    /// <returns>With timers on, the reading that ended the last call (or <paramref name="start"/>); otherwise 0.</returns>
    public long Deliver(TEvent e, int kind, long start)
    {
        if (!_context.Timed)
        {
            DeliverUntimed(e, kind);
            return 0;
        }

        ListenerEntry<TListener>[] entries = Listeners.Snapshot;
        long t0 = start;
        foreach (ListenerEntry<TListener> entry in entries)
        {
            Exception? failure = null;
            try
            {
                _hook(entry.Listener, e, kind);
            }
            catch (Exception ex)
            {
                failure = ex;
            }

            long t1 = _context.Now();
            long elapsed = t1 - t0;
            entry.Timer.Record(elapsed, failure is not null);
            if (BusMetrics.ListenerDuration.Enabled)
            {
                RecordDuration(entry.Timer, elapsed);
            }

            if (failure is not null || elapsed > _context.SlowTicks)
            {
                Report(entry, e, failure, elapsed);

                // Logging is not the next listener's time.
                t1 = _context.Now();
            }

            t0 = t1;
        }

        return t0;
    }

    /// <summary>
    /// Delivers without reading the clock: with timers off (only failures are counted), or, with timers on, an event
    /// a queue does not time (every call is counted; see <see cref="TimingSampler"/>).
    /// </summary>
    public void DeliverUntimed(TEvent e, int kind)
    {
        bool count = _context.Timed;
        foreach (ListenerEntry<TListener> entry in Listeners.Snapshot)
        {
            try
            {
                _hook(entry.Listener, e, kind);
            }
            catch (Exception ex)
            {
                if (count)
                {
                    entry.Timer.RecordUntimed(failed: true);
                }
                else
                {
                    entry.Timer.RecordFailure();
                }

                OnFailure(entry, e, ex);
                continue;
            }

            if (count)
            {
                entry.Timer.RecordUntimed(failed: false);
            }
        }
    }

    /// <summary>A run of <paramref name="events"/> untimed events took longer than the slow-call threshold.</summary>
    public void ReportSlowUntimed(long elapsed, int events)
    {
        ListenerEntry<TListener>[] entries = Listeners.Snapshot;
        Log.Safely(() => _context.Logger.SlowUntimedCalls(
            _context.ToSeconds(elapsed) * 1000,
            events,
            _where,
            _context.SlowThreshold.TotalMilliseconds,
            string.Join(", ", Array.ConvertAll(entries, x => TypeName(x.Listener.GetType())))));
    }

    private void Report(ListenerEntry<TListener> entry, TEvent e, Exception? failure, long elapsed)
    {
        if (failure is not null)
        {
            OnFailure(entry, e, failure);
        }

        if (elapsed > _context.SlowTicks)
        {
            Log.Safely(() => _context.Logger.SlowListener(
                TypeName(entry.Listener.GetType()),
                _context.ToSeconds(elapsed) * 1000,
                TypeName(e.GetType()),
                _where,
                _context.SlowThreshold.TotalMilliseconds));
        }
    }

    private void OnFailure(ListenerEntry<TListener> entry, TEvent e, Exception failure)
    {
        string listenerType = TypeName(entry.Listener.GetType());
        if (failure is ThreadInterruptedException)
        {
            // Spark's removeListenerOnError: an interrupted listener is taken to be shutting down.
            Log.Safely(() => _context.Logger.ListenerInterrupted(failure, listenerType, TypeName(e.GetType()), _where));
            RemoveInterrupted(entry.Listener);
        }
        else
        {
            Log.Safely(() => _context.Logger.ListenerFailed(failure, listenerType, TypeName(e.GetType()), _where));
        }
    }

    /// <summary>
    /// Removes an interrupted listener. A listener may restore the interrupt before it throws (Java's idiom); the
    /// interrupt then surfaces when the removal blocks on the bus lock, and escaping from here it would end the
    /// dispatch thread and the process. The throw consumes it, and the lock was not taken, so try again.
    /// </summary>
    private void RemoveInterrupted(TListener listener)
    {
        while (true)
        {
            try
            {
                _onInterrupted(listener);
                return;
            }
            catch (ThreadInterruptedException)
            {
                // Consumed; nothing was removed yet (the wait for the lock is the removal's first step).
            }
        }
    }

    private void RecordDuration(ListenerTimer timer, long elapsed)
    {
        var bus = new KeyValuePair<string, object?>(BusMetricNames.BusTag, _context.Name);
        var listener = new KeyValuePair<string, object?>(BusMetricNames.ListenerTag, timer.ListenerTypeName);
        double seconds = _context.ToSeconds(elapsed);
        if (_queue is null)
        {
            BusMetrics.RecordSafely(BusMetrics.ListenerDuration, seconds, bus, listener);
        }
        else
        {
            BusMetrics.RecordSafely(BusMetrics.ListenerDuration, seconds, bus, new KeyValuePair<string, object?>(BusMetricNames.QueueTag, _queue), listener);
        }
    }

    private static string TypeName(Type type) => type.FullName ?? type.Name;
}
