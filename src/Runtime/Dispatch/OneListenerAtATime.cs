using System;

namespace GeneratedBus;

/// <summary>
/// Lends a plain <see cref="IEventDispatcher{TListener, TEvent}"/> the span contract: its run is a loop of
/// <see cref="IEventDispatcher{TListener, TEvent}.Dispatch"/> calls, one jump per listener. The runtime's delivery
/// loops then know one dispatcher shape only, and call the run without a virtual step for either kind of dispatcher.
/// </summary>
/// <typeparam name="TListener">The listener interface.</typeparam>
/// <typeparam name="TEvent">The event root.</typeparam>
/// <typeparam name="TDispatcher">The plain dispatcher.</typeparam>
internal readonly struct OneListenerAtATime<TListener, TEvent, TDispatcher> : IEventSpanDispatcher<TListener, TEvent>
    where TListener : class
    where TEvent : class
    where TDispatcher : struct, IEventDispatcher<TListener, TEvent>
{
    public int KindCount => default(TDispatcher).KindCount;

    public int Classify(TEvent e) => default(TDispatcher).Classify(e);

    public void Dispatch(TListener listener, TEvent e, int kind) => default(TDispatcher).Dispatch(listener, e, kind);

    public void DispatchSpan(ReadOnlySpan<TListener> listeners, TEvent e, int kind, ref int next)
    {
        for (int i = next; i < listeners.Length; i++)
        {
            next = i;
            default(TDispatcher).Dispatch(listeners[i], e, kind);
        }
    }
}
