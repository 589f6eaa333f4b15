using System.Collections.Generic;
using System.Diagnostics;

namespace GeneratedBus;

/// <summary>
/// Events posted before <c>Start</c>, in order, up to a bound; further ones are counted as dropped. Not thread-safe:
/// the bus guards it with its lock (posting before start is not the hot path).
/// </summary>
internal sealed class StartBuffer<TEvent>
    where TEvent : class
{
    private readonly List<(TEvent Event, int Kind)> _events = new();

    // The bus's lock, read only by the Debug check that every use holds it; null skips the check.
    private readonly object? _gate;

    private long _dropped;

    /// <summary>Creates an empty buffer.</summary>
    /// <param name="gate">The lock that guards the buffer; in Debug builds every use checks that it is held.</param>
    public StartBuffer(object? gate = null) => _gate = gate;

    public long Dropped
    {
        get
        {
            CheckGuarded();
            return _dropped;
        }
    }

    public IReadOnlyList<(TEvent Event, int Kind)> Events
    {
        get
        {
            CheckGuarded();
            return _events;
        }
    }

    /// <summary>Adds an event if fewer than <paramref name="capacity"/> are held.</summary>
    /// <returns>Whether it was held; false means dropped and counted.</returns>
    public bool TryAdd(TEvent e, int kind, int capacity)
    {
        CheckGuarded();
        if (_events.Count >= capacity)
        {
            _dropped++;
            return false;
        }

        _events.Add((e, kind));
        return true;
    }

    public void Clear()
    {
        CheckGuarded();
        _events.Clear();
    }

    [Conditional("DEBUG")]
    private void CheckGuarded()
    {
        if (_gate is not null)
        {
            Invariant.LockHeld(_gate, "StartBuffer: used only under the bus's lock");
        }
    }
}
