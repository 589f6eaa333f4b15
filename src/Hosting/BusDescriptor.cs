using System;
using System.ComponentModel;

namespace GeneratedBus.Hosting;

/// <summary>
/// What the generator supplies for one bus so that this package needs no reflection: how to make the bus, how to wrap
/// a scoped listener, and how to hand one event to one listener. Generated code subclasses it; users never do.
/// </summary>
/// <typeparam name="TBus">The generated bus (<c>SchedulerBus</c>).</typeparam>
/// <typeparam name="TListener">The generated listener interface (<c>ISchedulerListener</c>).</typeparam>
/// <typeparam name="TEvent">The event root (<c>SchedulerEvent</c>).</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class BusDescriptor<TBus, TListener, TEvent>
    where TBus : LiveListenerBus<TListener, TEvent>
    where TListener : class
    where TEvent : class
{
    /// <summary>Makes the bus: <c>new SchedulerBus(options)</c>.</summary>
    /// <param name="options">The options bound from configuration and given to <c>Add{Bus}Bus</c>.</param>
    /// <returns>A bus, not yet started.</returns>
    public abstract TBus CreateBus(BusOptions options);

    /// <summary>
    /// A listener that hands every event to <paramref name="deliver"/>: the stand-in that sits on the queue for a
    /// scoped listener, which is resolved per event. Its type names <typeparamref name="TScoped"/>, so timers and
    /// metrics keep scoped listener types apart.
    /// </summary>
    /// <typeparam name="TScoped">The scoped listener type.</typeparam>
    /// <param name="deliver">Called with each event.</param>
    /// <returns>The stand-in.</returns>
    public abstract TListener CreateScopedListener<TScoped>(Action<TEvent> deliver)
        where TScoped : class, TListener;

    /// <summary>Calls the handler of <paramref name="listener"/> that fits <paramref name="e"/>.</summary>
    /// <param name="listener">The listener.</param>
    /// <param name="e">The event.</param>
    public abstract void Dispatch(TListener listener, TEvent e);
}
