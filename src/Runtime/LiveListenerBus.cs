using System;
using System.Collections.Generic;

namespace GeneratedBus;

/// <summary>
/// An asynchronous listener bus of named queues. Each queue is bounded, has its own dispatch thread named after it,
/// and drops (and counts) events when full, so one slow listener never stalls the others or the poster.
/// </summary>
/// <typeparam name="TListener">The listener interface, usually generated (<c>ISchedulerListener</c>).</typeparam>
/// <typeparam name="TEvent">The event root (<c>SchedulerEvent</c>).</typeparam>
public abstract class LiveListenerBus<TListener, TEvent> : IDisposable
    where TListener : class
    where TEvent : class
{
    /// <summary>The queue <see cref="AddToSharedQueue"/> adds to.</summary>
    public const string SharedQueue = "shared";

    /// <summary>Creates a bus that is not yet started: events posted now are buffered until <see cref="Start"/>.</summary>
    /// <param name="options">Capacities, timeouts, logging and clock; <see langword="null"/> for the defaults.</param>
    protected LiveListenerBus(BusOptions? options = null)
    {
        throw new NotImplementedException();
    }

    /// <summary>The names of the queues that have listeners, in ordinal order.</summary>
    public IReadOnlyCollection<string> ActiveQueues => throw new NotImplementedException();

    /// <summary>Every listener of every queue: a snapshot.</summary>
    public IReadOnlyList<TListener> Listeners => throw new NotImplementedException();

    /// <summary>Adds a listener to the <see cref="SharedQueue"/>.</summary>
    /// <param name="listener">The listener.</param>
    public void AddToSharedQueue(TListener listener) => AddToQueue(listener, SharedQueue);

    /// <summary>Adds a listener to the named queue, creating the queue (and starting it, if the bus runs) on first use.</summary>
    /// <param name="listener">The listener.</param>
    /// <param name="queue">The queue name.</param>
    public void AddToQueue(TListener listener, string queue) => throw new NotImplementedException();

    /// <summary>Removes a listener from every queue; a queue left empty is stopped.</summary>
    /// <param name="listener">The listener.</param>
    /// <returns>Whether any queue had it.</returns>
    public bool RemoveListener(TListener listener) => throw new NotImplementedException();

    /// <summary>The listeners of type <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The type to look for.</typeparam>
    public IEnumerable<T> FindListenersByType<T>() => throw new NotImplementedException();

    /// <summary>
    /// Offers <paramref name="e"/> to every queue. Never blocks: a full queue drops it and counts the drop. Before
    /// <see cref="Start"/> the event is buffered; after <see cref="Stop"/> it is ignored.
    /// </summary>
    /// <param name="e">The event.</param>
    public void Post(TEvent e) => throw new NotImplementedException();

    /// <summary>Like <see cref="Post(TEvent)"/> with the kind already known: generated per-event overloads call this.</summary>
    /// <param name="e">The event.</param>
    /// <param name="kind">The kind <see cref="ClassifyEvent"/> would return for <paramref name="e"/>.</param>
    protected void PostWithKind(TEvent e, int kind) => throw new NotImplementedException();

    /// <summary>Starts every queue and delivers the events buffered so far, in order.</summary>
    /// <exception cref="InvalidOperationException">The bus was started before.</exception>
    public void Start() => throw new NotImplementedException();

    /// <summary>
    /// Refuses new events, lets every queue drain what it accepted, and joins the dispatch threads, waiting at most
    /// <see cref="BusOptions.ExitTimeout"/> per queue. A second call does nothing.
    /// </summary>
    /// <exception cref="InvalidOperationException">The bus was never started, or this is a dispatch thread of this bus.</exception>
    public void Stop() => throw new NotImplementedException();

    /// <summary>Waits until every queue is empty and idle.</summary>
    /// <param name="timeout">How long to wait.</param>
    /// <exception cref="TimeoutException">A queue still held events when the time ran out.</exception>
    public void WaitUntilEmpty(TimeSpan timeout) => throw new NotImplementedException();

    /// <summary>A snapshot of the bus's, its queues' and its listeners' counters.</summary>
    public BusStats GetStats() => throw new NotImplementedException();

    /// <summary>Stops the bus if it runs and releases its resources.</summary>
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Stops the bus if it runs and releases its resources.</summary>
    /// <param name="disposing">Whether this is called from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing) => throw new NotImplementedException();

    /// <summary>
    /// The kind of <paramref name="e"/>, computed once per post on the posting thread and carried through the queue to
    /// <see cref="DoPostEvent"/>. Generated buses map each event type to a constant; the default is 0.
    /// </summary>
    /// <param name="e">The event.</param>
    protected virtual int ClassifyEvent(TEvent e) => 0;

    /// <summary>The dispatch hook: calls the handler of <paramref name="listener"/> that fits <paramref name="e"/>.</summary>
    /// <param name="listener">The listener.</param>
    /// <param name="e">The event.</param>
    /// <param name="kind">What <see cref="ClassifyEvent"/> returned for <paramref name="e"/>.</param>
    protected abstract void DoPostEvent(TListener listener, TEvent e, int kind);
}
