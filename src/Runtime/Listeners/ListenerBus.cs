using System;
using System.Collections.Generic;
using System.Diagnostics;

namespace GeneratedBus;

/// <summary>
/// A synchronous listener bus: <see cref="PostToAll"/> delivers an event to every listener on the caller's thread.
/// The listener list is a copy-on-write array swapped lock-free, so listeners may be added and removed from any
/// thread while events are posted; a post walks the snapshot taken at its start.
/// </summary>
/// <typeparam name="TListener">The listener interface, usually generated (<c>ISchedulerListener</c>).</typeparam>
/// <typeparam name="TEvent">The event root (<c>SchedulerEvent</c>).</typeparam>
[DebuggerDisplay("{DebuggerDisplay,nq}")]
public abstract class ListenerBus<TListener, TEvent>
    where TListener : class
    where TEvent : class
{
    private readonly BusContext _context;
    private readonly SyncDelivery<TListener, TEvent> _delivery;

    /// <summary>Creates the bus.</summary>
    /// <param name="options">Timers, logging and clock; <see langword="null"/> for the defaults.</param>
    /// <param name="dispatcher">
    /// The generated dispatcher: <c>DispatcherBinding&lt;…&gt;.Of&lt;SchedulerDispatcher&gt;()</c>.
    /// </param>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="dispatcher"/> is null.</exception>
    protected ListenerBus(BusOptions? options, DispatcherBinding<TListener, TEvent> dispatcher)
    {
        ArgumentNullException.ThrowIfNull(dispatcher);
        _context = new BusContext(BusOptionsValidation.Validate(options), GetType().Name, Log.SyncBusCategory);
        _delivery = dispatcher.CreateSyncDelivery(_context);
    }

    /// <summary>The listeners, in the order they were added: a snapshot.</summary>
    public IReadOnlyList<TListener> Listeners => _delivery.Listeners.Listeners();

    private string DebuggerDisplay => $"{_context.Name}: {_delivery.Listeners.Count} listeners";

    /// <summary>Adds a listener; it gets every event posted after this returns.</summary>
    /// <param name="listener">The listener.</param>
    /// <exception cref="ArgumentNullException"><paramref name="listener"/> is null.</exception>
    public void AddListener(TListener listener)
    {
        ArgumentNullException.ThrowIfNull(listener);
        _delivery.Listeners.Add(listener);
    }

    /// <summary>Removes a listener (its first occurrence).</summary>
    /// <param name="listener">The listener.</param>
    /// <returns>Whether it was there.</returns>
    public bool RemoveListener(TListener listener)
    {
        ArgumentNullException.ThrowIfNull(listener);
        return _delivery.Listeners.Remove(listener);
    }

    /// <summary>
    /// Delivers <paramref name="e"/> to every listener on this thread. A listener that throws is logged and counted,
    /// and the others still get the event; one that throws <see cref="System.Threading.ThreadInterruptedException"/> is removed.
    /// </summary>
    /// <param name="e">The event.</param>
    /// <exception cref="ArgumentNullException"><paramref name="e"/> is null.</exception>
    public void PostToAll(TEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        _delivery.PostToAll(e);
    }

    /// <summary>Timers per listener type.</summary>
    public IReadOnlyDictionary<Type, ListenerStats> GetListenerStats() => _delivery.GetListenerStats();
}
