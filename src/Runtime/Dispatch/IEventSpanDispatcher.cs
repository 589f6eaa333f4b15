using System;

namespace GeneratedBus;

/// <summary>
/// A dispatcher that can also deliver one event to a run of listeners with a single jump, as the generated
/// <c>DispatchToAll</c> does: the runtime then classifies once and jumps once per event, instead of once per listener.
/// Bind it with <see cref="DispatcherBinding{TListener, TEvent}.OfSpanDispatcher{TDispatcher}"/>.
/// </summary>
/// <typeparam name="TListener">The listener interface.</typeparam>
/// <typeparam name="TEvent">The event root.</typeparam>
public interface IEventSpanDispatcher<TListener, TEvent> : IEventDispatcher<TListener, TEvent>
    where TListener : class
    where TEvent : class
{
    /// <summary>
    /// Calls, in order, the handler for <paramref name="kind"/> of <paramref name="listeners"/>[<paramref name="next"/>]
    /// and of every listener after it, setting <paramref name="next"/> to each listener's index before calling it.
    /// A handler that throws stops the run: <paramref name="next"/> then names the listener whose handler threw, and
    /// the runtime, which guards every listener, resumes after it. (A throw that leaves <paramref name="next"/> naming
    /// no listener breaks this contract: the runtime then throws <see cref="System.InvalidOperationException"/>.)
    /// </summary>
    /// <param name="listeners">The listeners, in the order they get the event.</param>
    /// <param name="e">The event.</param>
    /// <param name="kind">What <see cref="IEventDispatcher{TListener, TEvent}.Classify"/> returned for <paramref name="e"/>.</param>
    /// <param name="next">In: the first listener to call. Out: the listener being called when the run ended.</param>
    void DispatchSpan(ReadOnlySpan<TListener> listeners, TEvent e, int kind, ref int next);
}
