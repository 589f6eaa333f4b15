using System;
using System.Collections.Generic;
using System.Threading;

namespace GeneratedBus;

/// <summary>A listener with the timer of its type (the shared overflow timer when its type is beyond the cap).</summary>
internal sealed class ListenerEntry<TListener>(TListener listener, ListenerTimer timer)
    where TListener : class
{
    public TListener Listener { get; } = listener;

    public ListenerTimer Timer { get; } = timer;
}

/// <summary>
/// A copy-on-write listener list: an immutable array swapped with <see cref="Interlocked.CompareExchange{T}(ref T, T, T)"/>,
/// so add and remove are safe from any thread and a post walks the snapshot it read at its start.
/// </summary>
internal sealed class ListenerList<TListener>
    where TListener : class
{
    private readonly int _maxTimedTypes;
    private readonly bool _concurrentWriters;

    // Guards only timer creation (add, not the post path); timers outlive their listeners so stats stay.
    private readonly Dictionary<Type, ListenerTimer> _timers = new();
    private ListenerTimer? _overflow;
    private ListenerEntry<TListener>[] _entries = [];

    /// <param name="maxTimedTypes">How many listener types get a timer of their own; later types share one.</param>
    /// <param name="concurrentWriters">Whether several threads may deliver at once, so timers must update with Interlocked.</param>
    public ListenerList(int maxTimedTypes, bool concurrentWriters)
    {
        _maxTimedTypes = maxTimedTypes;
        _concurrentWriters = concurrentWriters;
    }

    /// <summary>The current array; never mutated, so it is safe to walk while others add and remove.</summary>
    // Acquire: the entries' fields, written before the array was published by the CAS, are visible.
    public ListenerEntry<TListener>[] Snapshot => Volatile.Read(ref _entries);

    /// <summary>How many listeners the current snapshot holds.</summary>
    public int Count => Snapshot.Length;

    /// <summary>Appends <paramref name="listener"/> with the timer of its type; later snapshots include it.</summary>
    public void Add(TListener listener)
    {
        var entry = new ListenerEntry<TListener>(listener, TimerFor(listener.GetType()));
        ListenerEntry<TListener>[] current = Snapshot;
        while (true)
        {
            var next = new ListenerEntry<TListener>[current.Length + 1];
            Array.Copy(current, next, current.Length);
            next[current.Length] = entry;

            // Full fence: publishes the new array (and the entry in it) to every later Snapshot read.
            ListenerEntry<TListener>[] seen = Interlocked.CompareExchange(ref _entries, next, current);
            if (ReferenceEquals(seen, current))
            {
                return;
            }

            current = seen;
        }
    }

    /// <summary>Removes the first occurrence of <paramref name="listener"/> (by reference).</summary>
    public bool Remove(TListener listener)
    {
        ListenerEntry<TListener>[] current = Snapshot;
        while (true)
        {
            int index = Array.FindIndex(current, e => ReferenceEquals(e.Listener, listener));
            if (index < 0)
            {
                return false;
            }

            var next = new ListenerEntry<TListener>[current.Length - 1];
            Array.Copy(current, next, index);
            Array.Copy(current, index + 1, next, index, next.Length - index);
            ListenerEntry<TListener>[] seen = Interlocked.CompareExchange(ref _entries, next, current);
            if (ReferenceEquals(seen, current))
            {
                return true;
            }

            current = seen;
        }
    }

    /// <summary>The listeners of the current snapshot, in the order they were added.</summary>
    public TListener[] Listeners()
    {
        ListenerEntry<TListener>[] entries = Snapshot;
        var listeners = new TListener[entries.Length];
        for (int i = 0; i < entries.Length; i++)
        {
            listeners[i] = entries[i].Listener;
        }

        return listeners;
    }

    /// <summary>Every timer created so far, including those of listeners since removed.</summary>
    public ListenerTimer[] Timers()
    {
        lock (_timers)
        {
            return _overflow is null ? [.. _timers.Values] : [.. _timers.Values, _overflow];
        }
    }

    private ListenerTimer TimerFor(Type type)
    {
        lock (_timers)
        {
            if (_timers.TryGetValue(type, out ListenerTimer? timer))
            {
                return timer;
            }

            if (_timers.Count >= _maxTimedTypes)
            {
                // The cap bounds memory and metric series, never accounting: further types share one timer, filed
                // under the listener type itself, so their calls and failures are still counted.
                return _overflow ??= new ListenerTimer(typeof(TListener), _concurrentWriters);
            }

            timer = new ListenerTimer(type, _concurrentWriters);
            _timers.Add(type, timer);
            return timer;
        }
    }
}
