using System;
using System.Collections.Generic;
using System.Threading;

namespace GeneratedBus;

/// <summary>
/// A copy-on-write listener list: an immutable <see cref="ListenerSnapshot{TListener}"/> swapped with
/// <see cref="Interlocked.CompareExchange{T}(ref T, T, T)"/>, so add and remove are safe from any thread and a delivery
/// walks the snapshot it read at its start.
/// </summary>
internal sealed class ListenerList<TListener>
    where TListener : class
{
    private readonly int _maxTimedTypes;
    private readonly bool _concurrentWriters;

    // Guards only timer creation (add, not the post path); timers outlive their listeners so stats stay.
    private readonly Dictionary<Type, ListenerTimer> _timers = new();
    private ListenerTimer? _overflow;
    private ListenerSnapshot<TListener> _snapshot = ListenerSnapshot<TListener>.Empty;

    /// <param name="maxTimedTypes">How many listener types get a timer of their own; later types share one.</param>
    /// <param name="concurrentWriters">Whether several threads may deliver at once, so timers must update with Interlocked.</param>
    public ListenerList(int maxTimedTypes, bool concurrentWriters)
    {
        _maxTimedTypes = maxTimedTypes;
        _concurrentWriters = concurrentWriters;
    }

    /// <summary>The current version; never mutated, so it is safe to walk while others add and remove.</summary>
    // Acquire: the snapshot's arrays, written before it was published by the CAS, are visible.
    public ListenerSnapshot<TListener> Snapshot => Volatile.Read(ref _snapshot);

    /// <summary>How many listeners the current snapshot holds.</summary>
    public int Count => Snapshot.Listeners.Length;

    /// <summary>Appends <paramref name="listener"/> with the timer of its type; later snapshots include it.</summary>
    public void Add(TListener listener)
    {
        ListenerTimer timer = TimerFor(ListenerTypes.Of(listener));
        ListenerSnapshot<TListener> current = Snapshot;
        while (true)
        {
            var next = new ListenerSnapshot<TListener>([.. current.Listeners, listener], [.. current.Timers, timer]);

            // Full fence: publishes the new snapshot (and its arrays) to every later Snapshot read.
            ListenerSnapshot<TListener> seen = Interlocked.CompareExchange(ref _snapshot, next, current);
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
        ListenerSnapshot<TListener> current = Snapshot;
        while (true)
        {
            int index = Array.FindIndex(current.Listeners, l => ReferenceEquals(l, listener));
            if (index < 0)
            {
                return false;
            }

            var next = new ListenerSnapshot<TListener>(Without(current.Listeners, index), Without(current.Timers, index));
            ListenerSnapshot<TListener> seen = Interlocked.CompareExchange(ref _snapshot, next, current);
            if (ReferenceEquals(seen, current))
            {
                return true;
            }

            current = seen;
        }
    }

    /// <summary>The listeners of the current snapshot, in the order they were added: a copy.</summary>
    public TListener[] Listeners() => [.. Snapshot.Listeners];

    /// <summary>Every timer created so far, including those of listeners since removed.</summary>
    public ListenerTimer[] Timers()
    {
        lock (_timers)
        {
            return _overflow is null ? [.. _timers.Values] : [.. _timers.Values, _overflow];
        }
    }

    private static T[] Without<T>(T[] items, int index)
    {
        var rest = new T[items.Length - 1];
        Array.Copy(items, rest, index);
        Array.Copy(items, index + 1, rest, index, rest.Length - index);
        return rest;
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
