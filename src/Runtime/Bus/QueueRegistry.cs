using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace GeneratedBus;

/// <summary>
/// The queues of a <see cref="LiveListenerBus{TListener, TEvent}"/>: the live ones, which posts reach, by name, and the
/// retired ones (left without listeners, closed) until their thread has ended and the stats have folded them in.
/// </summary>
/// <remarks>
/// Every change happens under <see cref="Gate"/>, the bus lock, which the caller holds (it also guards the lifecycle's
/// start buffer and the stats' retired totals, so one protocol step can span them). The post path never takes it:
/// it reads <see cref="Live"/>, a copy-on-write array.
/// </remarks>
internal sealed class QueueRegistry<TListener, TEvent>
    where TListener : class
    where TEvent : class
{
    private readonly BusContext _context;
    private readonly Dictionary<string, int> _capacities;
    private readonly DispatcherBinding<TListener, TEvent> _dispatcher;
    private readonly object _owner;
    private readonly Action<TListener> _onInterrupted;

    // Under Gate.
    private readonly List<AsyncEventQueue<TListener, TEvent>> _retired = new();

    // Under Gate: the name of every queue ever published, for the unmatched-settings warning.
    private readonly HashSet<string> _published = new(StringComparer.Ordinal);

    // Copy-on-write under Gate; the post path reads it with Volatile.Read and never locks.
    private AsyncEventQueue<TListener, TEvent>[] _live = [];

    /// <param name="context">The bus's shared settings.</param>
    /// <param name="capacities">Per-queue capacity overrides by name.</param>
    /// <param name="dispatcher">Makes each queue's consumer.</param>
    /// <param name="owner">The bus: marks dispatch threads.</param>
    /// <param name="onInterrupted">Removes an interrupted listener from every queue.</param>
    public QueueRegistry(
        BusContext context,
        IDictionary<string, int> capacities,
        DispatcherBinding<TListener, TEvent> dispatcher,
        object owner,
        Action<TListener> onInterrupted)
    {
        _context = context;
        _capacities = new Dictionary<string, int>(capacities, StringComparer.Ordinal);
        _dispatcher = dispatcher;
        _owner = owner;
        _onInterrupted = onInterrupted;
    }

    /// <summary>
    /// The bus lock. Guards queue creation and retirement, the start buffer, Start and the retired totals: never the
    /// post path. The drop reporter's lock may be taken under it, never the other way round.
    /// </summary>
    public object Gate { get; } = new();

    /// <summary>The live queues, for the post path: lock-free.</summary>
    // Acquire: pairs with the release in Publish and Retire, so a queue is seen fully built, its first listener in.
    public AsyncEventQueue<TListener, TEvent>[] Live => Volatile.Read(ref _live);

    /// <summary>Under <see cref="Gate"/>: every queue not yet folded, retired ones first.</summary>
    public AsyncEventQueue<TListener, TEvent>[] All
    {
        get
        {
            Invariant.LockHeld(Gate, "the queue list is read under the bus lock");
            return [.. _retired, .. _live];
        }
    }

    /// <summary>
    /// Under <see cref="Gate"/>: the start buffer's default bound. The smallest capacity of the live Wait queues, so
    /// that Start places every buffered event in them without waiting (it cannot wait under the bus lock); with none,
    /// the largest capacity of the live queues; with no queue, the default capacity.
    /// </summary>
    public int StartBufferDefault
    {
        get
        {
            Invariant.LockHeld(Gate, "the queue list is read under the bus lock");
            if (_live.Length == 0)
            {
                return _context.QueueCapacity;
            }

            int[] waiting = _live.Where(q => q.FullMode == QueueFullMode.Wait).Select(q => q.Capacity).ToArray();
            return waiting.Length > 0 ? waiting.Min() : _live.Max(q => q.Capacity);
        }
    }

    /// <summary>Under <see cref="Gate"/>: whether a queue of that name was ever published, live or retired since.</summary>
    public bool HasHad(string name)
    {
        Invariant.LockHeld(Gate, "the queue names are read under the bus lock");
        return _published.Contains(name);
    }

    /// <summary>Under <see cref="Gate"/>: the live queue named <paramref name="name"/>, if any.</summary>
    public AsyncEventQueue<TListener, TEvent>? Find(string name)
    {
        Invariant.LockHeld(Gate, "queues are looked up for a change under the bus lock");
        return Array.Find(_live, q => q.Name == name);
    }

    /// <summary>
    /// Under <see cref="Gate"/>: a new queue named <paramref name="name"/>, not yet visible to posts. If a retired queue
    /// of that name still runs, the new one delivers only once that one's thread has ended: a listener re-added while
    /// its handler runs on the retiring thread never runs on two threads at once.
    /// </summary>
    public AsyncEventQueue<TListener, TEvent> Create(string name)
    {
        Invariant.LockHeld(Gate, "queues are created under the bus lock");
        int capacity = _capacities.TryGetValue(name, out int configured) ? configured : _context.QueueCapacity;
        var created = new AsyncEventQueue<TListener, TEvent>(name, capacity, _context, _owner, _dispatcher, _onInterrupted, Gate);

        // The latest of that name: an earlier one still running is followed by it in turn.
        if (_retired.FindLast(q => q.Name == name && !q.HasExited) is { } retiring)
        {
            created.Follow(retiring);
        }

        return created;
    }

    /// <summary>Under <see cref="Gate"/>: makes <paramref name="queue"/> visible to posts.</summary>
    public void Publish(AsyncEventQueue<TListener, TEvent> queue)
    {
        Invariant.LockHeld(Gate, "queues are published under the bus lock");
        Volatile.Write(ref _live, [.. _live, queue]);
        _published.Add(queue.Name);
    }

    /// <summary>
    /// Under <see cref="Gate"/>: removes <paramref name="listener"/> from every live queue, and retires (closes and
    /// unpublishes) each queue that is left without listeners.
    /// </summary>
    /// <returns>The queues retired now.</returns>
    public List<AsyncEventQueue<TListener, TEvent>> RemoveEverywhere(TListener listener, out bool removed)
    {
        Invariant.LockHeld(Gate, "listeners are removed from queues under the bus lock");
        var emptied = new List<AsyncEventQueue<TListener, TEvent>>();
        removed = false;
        foreach (AsyncEventQueue<TListener, TEvent> queue in _live)
        {
            // Adds also run under Gate, so "left empty" cannot be undone by a concurrent add to this queue.
            if (queue.Listeners.Remove(listener))
            {
                // After it left the list: the queue narrows only once the listener can no longer get an event.
                queue.Interest.Remove(listener);
                removed = true;
                if (queue.Listeners.Count == 0)
                {
                    emptied.Add(queue);
                }
            }
        }

        if (emptied.Count > 0)
        {
            Volatile.Write(ref _live, _live.Except(emptied).ToArray());
            foreach (AsyncEventQueue<TListener, TEvent> queue in emptied)
            {
                // With no listeners, what it holds is processed at once; then its thread ends.
                queue.Close();
                _retired.Add(queue);
            }
        }

        return emptied;
    }

    /// <summary>Under <see cref="Gate"/>: takes out the retired queues whose thread has ended, for the stats to fold in.</summary>
    public List<AsyncEventQueue<TListener, TEvent>> TakeExited()
    {
        Invariant.LockHeld(Gate, "retired queues are taken under the bus lock");
        List<AsyncEventQueue<TListener, TEvent>> exited = _retired.FindAll(q => q.HasExited);
        _retired.RemoveAll(exited.Contains);
        return exited;
    }
}
