using System;
using System.Collections.Generic;
using System.Threading;

namespace GeneratedBus;

/// <summary>
/// What a delivery does when a listener call fails or is slow, for one listener list (a queue's, or the synchronous
/// bus's): count the failure, log it, remove a listener that threw <see cref="ThreadInterruptedException"/>, log a
/// slow call, and record the <c>listener.duration</c> histogram. Off the fast path: the loops call here only for a
/// failure, a slow call or a timed call.
/// </summary>
internal sealed class ListenerGuard<TListener, TEvent>
    where TListener : class
    where TEvent : class
{
    private readonly Action<TListener> _onInterrupted;
    private readonly string? _queue;
    private readonly string _where;
    private readonly FailureTally _failures;

    /// <param name="context">The bus's shared settings.</param>
    /// <param name="onInterrupted">Removes a listener that threw <see cref="ThreadInterruptedException"/>.</param>
    /// <param name="queue">The queue name, or <see langword="null"/> for the synchronous bus.</param>
    public ListenerGuard(BusContext context, Action<TListener> onInterrupted, string? queue)
    {
        Context = context;
        _onInterrupted = onInterrupted;
        _queue = queue;
        _where = queue is null ? $"bus {context.Name}" : $"queue {queue} of bus {context.Name}";
        _failures = new FailureTally(context.TimeProvider.GetUtcNow());
    }

    /// <summary>The bus's shared settings: the clock and the slow-call threshold the loops read.</summary>
    public BusContext Context { get; }

    /// <summary>The call of <paramref name="listener"/> threw <paramref name="failure"/>: count, log, and maybe remove it.</summary>
    public void Failed(TListener listener, ListenerTimer timer, TEvent e, Exception failure)
    {
        timer.RecordFailure();
        // The listener's own type, an async listener's rather than its adapter's: failures are summarised per real type.
        Type type = ListenerTypes.Of(listener);
        string listenerType = TypeName(type);
        if (failure is ThreadInterruptedException)
        {
            // Spark's removeListenerOnError: an interrupted listener is taken to be shutting down.
            Log.Safely(() => Context.Logger.ListenerInterrupted(failure, listenerType, TypeName(e.GetType()), _where));
            RemoveInterrupted(listener);
        }
        else if (_failures.Count(type, failure.GetType()))
        {
            Log.Safely(() => Context.Logger.ListenerFailed(failure, listenerType, TypeName(e.GetType()), _where));
        }
        else if (_queue is null && _failures.Due(Context.TimeProvider.GetUtcNow(), Context.DropReportInterval))
        {
            // The synchronous bus has no schedule of its own: a failure finds its summary due and writes it.
            LogFailureSummary();
        }
    }

    /// <summary>
    /// Logs, per kind, the failures not logged in full since the last summary: the drop reporter's schedule and Stop
    /// call it for a queue, a due failure for the synchronous bus. Safe from any thread.
    /// </summary>
    public void LogFailureSummary()
    {
        (List<(Type Listener, Type Exception, long Count)> kinds, DateTimeOffset since) = _failures.Take(Context.TimeProvider.GetUtcNow());
        foreach ((Type listener, Type exception, long count) in kinds)
        {
            Log.Safely(() => Context.Logger.ListenerFailureSummary(TypeName(listener), TypeName(exception), count, _where, since));
        }
    }

    /// <summary>A timed call took longer than the slow-call threshold.</summary>
    public void Slow(TListener listener, TEvent e, long elapsed) =>
        Log.Safely(() => Context.Logger.SlowListener(
            TypeName(ListenerTypes.Of(listener)),
            Context.ToSeconds(elapsed) * 1000,
            TypeName(e.GetType()),
            _where,
            Context.SlowThreshold.TotalMilliseconds));

    /// <summary>A run of <paramref name="events"/> untimed events took longer than the slow-call threshold in all.</summary>
    public void SlowUntimed(TListener[] listeners, long elapsed, int events) =>
        Log.Safely(() => Context.Logger.SlowUntimedCalls(
            Context.ToSeconds(elapsed) * 1000,
            events,
            _where,
            Context.SlowThreshold.TotalMilliseconds,
            string.Join(", ", Array.ConvertAll(listeners, l => TypeName(ListenerTypes.Of(l))))));

    /// <summary>Records a timed call in the <c>listener.duration</c> histogram (only while someone listens to it).</summary>
    public void RecordDuration(ListenerTimer timer, long elapsed)
    {
        var bus = new KeyValuePair<string, object?>(BusMetricNames.BusTag, Context.Name);
        var listener = new KeyValuePair<string, object?>(BusMetricNames.ListenerTag, timer.ListenerTypeName);
        double seconds = Context.ToSeconds(elapsed);
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
}
