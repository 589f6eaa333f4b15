using System;
using System.ComponentModel;
using System.Threading;
using System.Threading.Tasks;

namespace GeneratedBus.Hosting;

/// <summary>
/// What the generator supplies for one bus's async listeners, so that this package needs no reflection: how to add one
/// to a queue, how to wrap a scoped one, and how to hand one event to one. Generated code subclasses it; users never do.
/// </summary>
/// <typeparam name="TBus">The generated bus (<c>SchedulerBus</c>).</typeparam>
/// <typeparam name="TAsyncListener">The generated async listener interface (<c>ISchedulerAsyncListener</c>).</typeparam>
/// <typeparam name="TEvent">The event root (<c>SchedulerEvent</c>).</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class AsyncListenerDescriptor<TBus, TAsyncListener, TEvent>
    where TBus : class
    where TAsyncListener : class
    where TEvent : class
{
    /// <summary>Adds <paramref name="listener"/> to <paramref name="queue"/>: <c>bus.AddToQueue(listener, queue)</c>.</summary>
    /// <param name="bus">The bus, not yet started.</param>
    /// <param name="listener">The async listener.</param>
    /// <param name="queue">The queue name.</param>
    public abstract void AddToQueue(TBus bus, TAsyncListener listener, string queue);

    /// <summary>
    /// An async listener that hands every event to <paramref name="deliver"/>: the stand-in that sits on the queue for a
    /// scoped async listener, which is resolved per event. Its type names <typeparamref name="TScoped"/>, so timers and
    /// metrics keep scoped listener types apart.
    /// </summary>
    /// <typeparam name="TScoped">The scoped listener type.</typeparam>
    /// <param name="deliver">Called with each event and the queue's stop token; awaited.</param>
    /// <returns>The stand-in.</returns>
    public abstract TAsyncListener CreateScopedListener<TScoped>(Func<TEvent, CancellationToken, ValueTask> deliver)
        where TScoped : class, TAsyncListener;

    /// <summary>Calls the async handler of <paramref name="listener"/> that fits <paramref name="e"/>.</summary>
    /// <param name="listener">The async listener.</param>
    /// <param name="e">The event.</param>
    /// <param name="cancellationToken">Handed to the handler.</param>
    /// <returns>What the handler returned.</returns>
    public abstract ValueTask DispatchAsync(TAsyncListener listener, TEvent e, CancellationToken cancellationToken);
}
