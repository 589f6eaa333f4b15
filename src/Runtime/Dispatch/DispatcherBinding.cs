using System;

namespace GeneratedBus;

/// <summary>
/// A bus's link to its <see cref="IEventDispatcher{TListener, TEvent}"/>: what a bus constructor takes, made by
/// <see cref="Of{TDispatcher}"/>. The runtime reaches the dispatcher through it, in code compiled for the dispatcher type.
/// </summary>
/// <typeparam name="TListener">The listener interface.</typeparam>
/// <typeparam name="TEvent">The event root.</typeparam>
/// <remarks>
/// The binding is the one virtual step: it makes each delivery loop as a class generic over the dispatcher struct,
/// so every listener call inside those loops is a direct call on <c>default(TDispatcher)</c>. A bus pays one
/// virtual call per post (<see cref="Classify"/>, or the synchronous delivery) or per batch, never per listener.
/// </remarks>
public abstract class DispatcherBinding<TListener, TEvent>
    where TListener : class
    where TEvent : class
{
    // Only the runtime's own subclass exists, so a binding always calls a real dispatcher.
    private protected DispatcherBinding()
    {
    }

    /// <summary>The binding to <typeparamref name="TDispatcher"/>: one shared instance per dispatcher type.</summary>
    /// <typeparam name="TDispatcher">The dispatcher, a struct so that code using it is compiled for it alone.</typeparam>
    public static DispatcherBinding<TListener, TEvent> Of<TDispatcher>()
        where TDispatcher : struct, IEventDispatcher<TListener, TEvent> =>
        DispatcherBinding<TListener, TEvent, OneListenerAtATime<TListener, TEvent, TDispatcher>>.Instance;

    /// <summary>
    /// The binding to <typeparamref name="TDispatcher"/>, which also delivers a run of listeners at once: each event
    /// then costs one classification and one jump for all of a list's listeners, not a jump per listener.
    /// </summary>
    /// <typeparam name="TDispatcher">The dispatcher, a struct so that code using it is compiled for it alone.</typeparam>
    public static DispatcherBinding<TListener, TEvent> OfSpanDispatcher<TDispatcher>()
        where TDispatcher : struct, IEventSpanDispatcher<TListener, TEvent> =>
        DispatcherBinding<TListener, TEvent, TDispatcher>.Instance;

    /// <summary>How many kinds the dispatcher has.</summary>
    internal abstract int KindCount { get; }

    /// <summary>The dispatcher's kind of <paramref name="e"/>.</summary>
    internal abstract int Classify(TEvent e);

    /// <summary>
    /// The kinds listeners of exactly <paramref name="listenerType"/> handle, as the generated dispatcher found them;
    /// <see cref="EventKindSet.All"/> for a type it does not know, or a dispatcher that knows none.
    /// </summary>
    internal abstract EventKindSet KindsHandledBy(Type listenerType);

    /// <summary>The dispatch thread's loop for <paramref name="queue"/>, compiled for the dispatcher.</summary>
    internal abstract QueueConsumer<TListener, TEvent> CreateConsumer(AsyncEventQueue<TListener, TEvent> queue, object owner);

    /// <summary>The synchronous bus's delivery, compiled for the dispatcher.</summary>
    internal abstract SyncDelivery<TListener, TEvent> CreateSyncDelivery(BusContext context);
}

/// <summary>
/// The binding to one dispatcher type. Every binding is to a span dispatcher: a plain one arrives wrapped in
/// <see cref="OneListenerAtATime{TListener, TEvent, TDispatcher}"/>.
/// </summary>
internal sealed class DispatcherBinding<TListener, TEvent, TDispatcher> : DispatcherBinding<TListener, TEvent>
    where TListener : class
    where TEvent : class
    where TDispatcher : struct, IEventSpanDispatcher<TListener, TEvent>
{
    public static readonly DispatcherBinding<TListener, TEvent, TDispatcher> Instance = new();

    internal override int KindCount => default(TDispatcher).KindCount;

    internal override int Classify(TEvent e) => default(TDispatcher).Classify(e);

    // A type test on the struct, which the JIT folds for each dispatcher; only at AddToQueue, never on the post path.
    internal override EventKindSet KindsHandledBy(Type listenerType) =>
        default(TDispatcher) is IListenerKinds known ? known.KindsHandledBy(listenerType) ?? EventKindSet.All : EventKindSet.All;

    internal override QueueConsumer<TListener, TEvent> CreateConsumer(AsyncEventQueue<TListener, TEvent> queue, object owner) =>
        new QueueDelivery<TListener, TEvent, TDispatcher>(queue, owner, new ListenerCalls<TListener, TEvent, TDispatcher>(queue.Guard));

    internal override SyncDelivery<TListener, TEvent> CreateSyncDelivery(BusContext context) =>
        new SyncDelivery<TListener, TEvent, TDispatcher>(context, guard => new ListenerCalls<TListener, TEvent, TDispatcher>(guard));
}
