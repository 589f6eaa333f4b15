using System.Collections.Generic;

namespace GeneratedBus;

/// <summary>
/// Events posted before <c>Start</c>, in order, up to a bound; further ones are counted as dropped. Not thread-safe:
/// the bus guards it with its lock (posting before start is not the hot path).
/// </summary>
internal sealed class StartBuffer<TEvent>
    where TEvent : class
{
    private readonly List<(TEvent Event, int Kind)> _events = new();

    public long Dropped { get; private set; }

    /// <summary>Adds an event if fewer than <paramref name="capacity"/> are held.</summary>
    /// <returns>Whether it was held; false means dropped and counted.</returns>
    public bool TryAdd(TEvent e, int kind, int capacity)
    {
        if (_events.Count >= capacity)
        {
            Dropped++;
            return false;
        }

        _events.Add((e, kind));
        return true;
    }

    public IReadOnlyList<(TEvent Event, int Kind)> Events => _events;

    public void Clear() => _events.Clear();
}
