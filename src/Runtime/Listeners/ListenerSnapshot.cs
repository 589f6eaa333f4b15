namespace GeneratedBus;

/// <summary>
/// One version of a <see cref="ListenerList{TListener}"/>: the listeners in the order they were added and, at the same
/// index, the timer of each one's type (the shared overflow timer when its type is beyond the cap). Never mutated, so
/// a delivery walks it while others add and remove.
/// </summary>
/// <remarks>
/// Two parallel arrays rather than one array of pairs: the delivery loop reads only <see cref="Listeners"/>, as a
/// hand-written loop over listeners would, and a <see cref="CallTally"/> keeps only <see cref="Timers"/>, a fresh array
/// per version, so it can tell versions apart without holding on to listeners since removed.
/// </remarks>
/// <typeparam name="TListener">The listener interface.</typeparam>
internal sealed class ListenerSnapshot<TListener>
    where TListener : class
{
    public static readonly ListenerSnapshot<TListener> Empty = new([], []);

    public ListenerSnapshot(TListener[] listeners, ListenerTimer[] timers)
    {
        Invariant.Holds(listeners.Length == timers.Length, "a listener snapshot has one timer per listener");
        Listeners = listeners;
        Timers = timers;
    }

    public TListener[] Listeners { get; }

    public ListenerTimer[] Timers { get; }
}
