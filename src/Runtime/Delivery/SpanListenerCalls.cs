namespace GeneratedBus;

/// <summary>
/// The delivery loops for a dispatcher that calls a run of listeners at once: the unguarded run is one call of
/// <see cref="IEventSpanDispatcher{TListener, TEvent}.DispatchSpan"/>, one jump for the whole run instead of one per
/// listener. Timed calls still go one listener at a time.
/// </summary>
internal sealed class SpanListenerCalls<TListener, TEvent, TDispatcher> : ListenerCalls<TListener, TEvent, TDispatcher>
    where TListener : class
    where TEvent : class
    where TDispatcher : struct, IEventSpanDispatcher<TListener, TEvent>
{
    public SpanListenerCalls(ListenerGuard<TListener, TEvent> guard)
        : base(guard)
    {
    }

    protected override void CallRun(TListener[] listeners, TEvent e, int kind, ref int next) =>
        default(TDispatcher).DispatchSpan(listeners, e, kind, ref next);
}
