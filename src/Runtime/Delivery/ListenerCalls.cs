using System;
using System.Runtime.CompilerServices;

namespace GeneratedBus;

/// <summary>
/// The two loops that deliver one event to every listener of a snapshot, compiled for one dispatcher: each run or call is
/// a direct call on <c>default(TDispatcher)</c>, which the JIT can inline, with no delegate or virtual call in between. Each call is guarded: a failure goes to the <see cref="ListenerGuard{TListener, TEvent}"/>
/// and the next listener is still called.
/// </summary>
/// <typeparam name="TListener">The listener interface.</typeparam>
/// <typeparam name="TEvent">The event root.</typeparam>
/// <typeparam name="TDispatcher">The generated dispatcher.</typeparam>
/// <remarks>
/// An object, not a static class: called through an instance, code shared between listener types reaches its own
/// instantiation through the object, not through a lookup in the caller's generic dictionary on every post. The
/// unguarded run is the dispatcher's own <see cref="IEventSpanDispatcher{TListener, TEvent}.DispatchSpan"/>, a
/// direct call: a plain dispatcher runs as <see cref="OneListenerAtATime{TListener, TEvent, TDispatcher}"/>.
/// </remarks>
internal sealed class ListenerCalls<TListener, TEvent, TDispatcher>
    where TListener : class
    where TEvent : class
    where TDispatcher : struct, IEventSpanDispatcher<TListener, TEvent>
{
    private readonly ListenerGuard<TListener, TEvent> _guard;
    private readonly BusContext _context;

    /// <param name="guard">Counts and logs failures and slow calls of one listener list.</param>
    public ListenerCalls(ListenerGuard<TListener, TEvent> guard)
    {
        _guard = guard;
        _context = guard.Context;
    }

    /// <summary>Calls every listener of <paramref name="snapshot"/>, each guarded, without reading the clock.</summary>
    public void CallEach(ListenerSnapshot<TListener> snapshot, TEvent e, int kind)
    {
        int next = 0;
        while (true)
        {
            try
            {
                // The run is a method of the dispatcher's, with no handler of its own: inside a try block the JIT
                // keeps a loop's variables in memory, which costs about a tenth over 10 listeners.
                default(TDispatcher).DispatchSpan(snapshot.Listeners, e, kind, ref next);
                return;
            }
            catch (Exception ex)
            {
                next = Failed(snapshot, e, ex, next);
            }
        }
    }

    /// <summary>
    /// The listener at <paramref name="next"/> threw <paramref name="thrown"/> out of a run: counts and logs it, and
    /// returns where the run resumes.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public int Failed(ListenerSnapshot<TListener> snapshot, TEvent e, Exception thrown, int next)
    {
        TListener[] listeners = snapshot.Listeners;
        if ((uint)next >= (uint)listeners.Length)
        {
            // Only a hand-written span dispatcher can get here (the generated one throws only at a listener).
            throw NextOutOfRange(next, listeners.Length, thrown);
        }

        _guard.Failed(listeners[next], snapshot.Timers[next], e, thrown);
        return next + 1;
    }

    // Out of line: the message's interpolation handler would otherwise be a local of CallEach, zeroed in its
    // prologue on every post.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static InvalidOperationException NextOutOfRange(int next, int count, Exception thrown) =>
        new($"The dispatcher's DispatchSpan threw with next = {next}, which names none of the {count} listeners; it must leave next at the listener whose handler threw.", thrown);

    /// <summary>
    /// Calls every listener of <paramref name="snapshot"/>, each guarded and timed: one clock reading per call, each
    /// ending one call and starting the next. Records each call's time, logs a slow one.
    /// </summary>
    /// <param name="snapshot">The listeners and their timers.</param>
    /// <param name="e">The event.</param>
    /// <param name="kind">Its kind, as the dispatcher classified it.</param>
    /// <param name="start">A reading taken just before: it starts the first call.</param>
    /// <returns>The reading that ended the last call (or <paramref name="start"/>, with no listener).</returns>
    public long CallEachTimed(ListenerSnapshot<TListener> snapshot, TEvent e, int kind, long start)
    {
        BusContext context = _context;
        ListenerGuard<TListener, TEvent> guard = _guard;
        TListener[] listeners = snapshot.Listeners;
        ListenerTimer[] timers = snapshot.Timers;
        long t0 = start;
        for (int i = 0; i < listeners.Length; i++)
        {
            Exception? failure = null;
            try
            {
                default(TDispatcher).Dispatch(listeners[i], e, kind);
            }
            catch (Exception ex)
            {
                failure = ex;
            }

            long t1 = context.Now();
            long elapsed = t1 - t0;
            timers[i].RecordTimed(elapsed);
            if (BusMetrics.ListenerDuration.Enabled)
            {
                guard.RecordDuration(timers[i], elapsed);
            }

            bool slow = elapsed > context.SlowTicks;
            if (failure is not null || slow)
            {
                if (failure is not null)
                {
                    guard.Failed(listeners[i], timers[i], e, failure);
                }

                if (slow)
                {
                    guard.Slow(listeners[i], e, elapsed);
                }

                // Logging is not the next listener's time.
                t1 = context.Now();
            }

            t0 = t1;
        }

        return t0;
    }
}
