using System;
using Microsoft.Extensions.Logging;

namespace GeneratedBus;

/// <summary>
/// A single-threaded event loop (Spark's <c>EventLoop</c>): events posted from any thread are received in order on
/// one thread named after the loop.
/// </summary>
/// <typeparam name="TEvent">The event type.</typeparam>
public abstract class EventLoop<TEvent>
{
    /// <summary>Creates a loop that logs nothing.</summary>
    /// <param name="name">The loop's name, which is also its thread's.</param>
    protected EventLoop(string name)
        : this(name, null)
    {
    }

    /// <summary>Creates a loop.</summary>
    /// <param name="name">The loop's name, which is also its thread's.</param>
    /// <param name="loggerFactory">Where failures of <see cref="OnError"/> are logged.</param>
    protected EventLoop(string name, ILoggerFactory? loggerFactory)
    {
        throw new NotImplementedException();
    }

    /// <summary>The loop's name.</summary>
    public string Name => throw new NotImplementedException();

    /// <summary>Whether the loop was started and has not stopped.</summary>
    public bool IsActive => throw new NotImplementedException();

    /// <summary>Calls <see cref="OnStart"/> on this thread, then starts the loop's thread.</summary>
    /// <exception cref="InvalidOperationException">The loop was started or stopped before.</exception>
    public void Start() => throw new NotImplementedException();

    /// <summary>Stops the loop and calls <see cref="OnStop"/> exactly once. Safe to call twice and from the loop itself.</summary>
    public void Stop() => throw new NotImplementedException();

    /// <summary>Queues an event for <see cref="OnReceive"/>; ignored after <see cref="Stop"/>.</summary>
    /// <param name="e">The event.</param>
    public void Post(TEvent e) => throw new NotImplementedException();

    /// <summary>Called by <see cref="Start"/> before the loop's thread starts.</summary>
    protected virtual void OnStart()
    {
    }

    /// <summary>Handles one event on the loop's thread.</summary>
    /// <param name="e">The event.</param>
    protected abstract void OnReceive(TEvent e);

    /// <summary>Handles a failure of <see cref="OnReceive"/>; a failure here is logged and the loop goes on.</summary>
    /// <param name="exception">What <see cref="OnReceive"/> threw.</param>
    protected abstract void OnError(Exception exception);

    /// <summary>Called once when the loop stops.</summary>
    protected virtual void OnStop()
    {
    }
}
