using System;

namespace GeneratedBus;

/// <summary>
/// Which events a queue's dispatch thread times, when timers are on. Reading the clock costs more than delivering a
/// fast event (about 50 ns against 25 ns on this project's VMs), so a queue times one event in up to
/// <see cref="MaxInterval"/> while deliveries are fast, and every event once one takes <see cref="SlowEventTicks"/>
/// or more. Untimed events are still counted per listener, and the time they took is still read, once per run of
/// them, so a slow call among them is reported (<see cref="Log.SlowUntimedCalls"/>).
/// </summary>
/// <remarks>Consumer-only state: only the dispatch thread touches it.</remarks>
internal sealed class TimingSampler
{
    /// <summary>At most this many events, one timed and the rest counted, between two clock readings.</summary>
    internal const int MaxInterval = 16;

    private readonly long _slowEventTicks;
    private int _interval = 1;
    private int _countdown;

    /// <param name="frequency">The clock's ticks per second.</param>
    public TimingSampler(long frequency)
    {
        // 1 microsecond: from there on a clock reading costs a few percent of the event, so time every one.
        _slowEventTicks = Math.Max(1, frequency / 1_000_000);
    }

    /// <summary>A delivery this long or longer makes every following event timed (1 µs in clock ticks).</summary>
    public long SlowEventTicks => _slowEventTicks;

    /// <summary>Events delivered untimed since the last clock reading.</summary>
    public int Untimed { get; private set; }

    /// <summary>Whether the next event is timed; if not, it is counted as untimed.</summary>
    public bool TimeNext()
    {
        if (_countdown == 0)
        {
            return true;
        }

        _countdown--;
        Untimed++;
        return false;
    }

    /// <summary>A timed event took <paramref name="ticks"/>: time the next at once if it was slow, else wait twice as long.</summary>
    public void Timed(long ticks)
    {
        _interval = ticks >= _slowEventTicks ? 1 : Math.Min(_interval * 2, MaxInterval);
        _countdown = _interval - 1;
    }

    /// <summary>The untimed run was read; after a slow run, time every event again.</summary>
    public void RunRead(bool slow)
    {
        Untimed = 0;
        if (slow)
        {
            _interval = 1;
            _countdown = 0;
        }
    }
}
