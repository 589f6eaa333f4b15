namespace GeneratedBus;

/// <summary>
/// A bus's link to its <see cref="IEventDispatcher{TListener, TEvent}"/>: what a bus constructor takes, made by
/// <see cref="Of{TDispatcher}"/>. The runtime reaches the dispatcher through it, in code compiled for the dispatcher type.
/// </summary>
/// <typeparam name="TListener">The listener interface.</typeparam>
/// <typeparam name="TEvent">The event root.</typeparam>
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
        DispatcherBinding<TListener, TEvent, TDispatcher>.Instance;

    /// <summary>How many kinds the dispatcher has.</summary>
    internal abstract int KindCount { get; }

    /// <summary>The dispatcher's kind of <paramref name="e"/>.</summary>
    internal abstract int Classify(TEvent e);

    /// <summary>Calls the dispatcher's handler of <paramref name="listener"/> for <paramref name="kind"/>.</summary>
    internal abstract void Dispatch(TListener listener, TEvent e, int kind);
}

/// <summary>The binding to one dispatcher type.</summary>
internal sealed class DispatcherBinding<TListener, TEvent, TDispatcher> : DispatcherBinding<TListener, TEvent>
    where TListener : class
    where TEvent : class
    where TDispatcher : struct, IEventDispatcher<TListener, TEvent>
{
    public static readonly DispatcherBinding<TListener, TEvent, TDispatcher> Instance = new();

    internal override int KindCount => default(TDispatcher).KindCount;

    internal override int Classify(TEvent e) => default(TDispatcher).Classify(e);

    internal override void Dispatch(TListener listener, TEvent e, int kind) => default(TDispatcher).Dispatch(listener, e, kind);
}
