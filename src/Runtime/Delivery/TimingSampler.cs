using System;

namespace GeneratedBus;

/// <summary>
/// Which events a delivering thread times, when timers are on. Reading the clock costs more than delivering a fast
/// event (about 50 ns against 25 ns on this project's VMs), so a queue times one event in up to
/// <see cref="MaxInterval"/> (the synchronous bus in up to <see cref="SyncDelivery{TListener, TEvent}.MaxInterval"/>)
/// while deliveries are fast, and every event once one's calls take <see cref="SlowEventTicks"/> or more each. Untimed events are
/// still counted per listener; a queue still reads the time they took, once per run of them, so a slow call among
/// them is reported (<see cref="Log.SlowUntimedCalls"/>).
/// </summary>
/// <remarks>
/// The gap to the next timed event is drawn at random between half the interval and the interval. A fixed gap would
/// time the same positions of a periodic stream over and over (every 16th event of a stream alternating two kinds is
/// always the same kind), and the scaled total time would then be that kind's, not the stream's. Gaps of both parities
/// and every residue make each position equally likely to be timed in the long run. Consumer-only state: only the
/// delivering thread touches it (a queue's dispatch thread, or one thread posting to a synchronous bus), so the
/// generator is a plain xorshift (no allocation, no locked instruction). A struct, held in place in its owner's
/// object: a synchronous post reads its countdown without a load of its own.
/// </remarks>
internal struct TimingSampler
{
    /// <summary>A queue's bound: at most this many events, one timed and the rest counted, between two clock readings.</summary>
    internal const int MaxInterval = 16;

    /// <summary>
    /// The generator's default start. Fixed, so a run samples the same way each time; the draws owe nothing to the
    /// events, which is all an unbiased sample needs.
    /// </summary>
    internal const uint DefaultSeed = 0x9E3779B9;

    private readonly long _slowEventTicks;
    private readonly int _maxInterval;
    private uint _random;
    private int _interval = 1;
    private int _countdown;

    // The countdown when the current run of untimed events began: the run's length is derived, not counted, so an
    // untimed event costs one write.
    private int _runStart;

    /// <param name="frequency">The clock's ticks per second.</param>
    /// <param name="seed">The generator's start (not 0, which xorshift never leaves).</param>
    /// <param name="maxInterval">The longest interval, a power of two.</param>
    public TimingSampler(long frequency, uint seed = DefaultSeed, int maxInterval = MaxInterval)
    {
        _maxInterval = maxInterval;
        // 1 microsecond: from there on a clock reading costs a few percent of the event, so time every one.
        _slowEventTicks = Math.Max(1, frequency / 1_000_000);
        _random = seed == 0 ? DefaultSeed : seed;
    }

    /// <summary>A delivery this long or longer per listener call makes every following event timed (1 µs in clock ticks).</summary>
    public long SlowEventTicks => _slowEventTicks;

    /// <summary>The current interval: after a fast timed event the next is timed 1/2 to 1 interval later.</summary>
    public int Interval => _interval;

    /// <summary>Events delivered untimed since the last clock reading.</summary>
    public int Untimed => _runStart - _countdown;

    /// <summary>Whether the next event is timed; if not, it is counted as untimed.</summary>
    public bool TimeNext()
    {
        if (_countdown == 0)
        {
            return true;
        }

        _countdown--;
        return false;
    }

    /// <summary>
    /// A timed event took <paramref name="ticks"/> over <paramref name="calls"/> listener calls: time the next at once
    /// if its calls were slow (1 µs or more each, on average), else double the interval and time an event between
    /// half of it and all of it later.
    /// </summary>
    /// <remarks>
    /// Judged per call, not per event: timing costs a reading per call, a few percent of a 1 µs call but as much as a
    /// fast one, so twenty fast listeners, whose event took over 1 µs in all, must not make every event timed (that
    /// cost 19x timers off at 30 listeners).
    /// </remarks>
    public void Timed(long ticks, int calls)
    {
        if (ticks >= _slowEventTicks * Math.Max(1, calls))
        {
            _interval = 1;
            _countdown = _runStart = 0;
            return;
        }

        _interval = Math.Min(_interval * 2, _maxInterval);
        int least = _interval / 2;
        _countdown = _runStart = least + Draw(_interval - least + 1) - 1;
    }

    /// <summary>The untimed run was read; after a slow run, time every event again.</summary>
    public void RunRead(bool slow)
    {
        if (slow)
        {
            _interval = 1;
            _countdown = 0;
        }

        _runStart = _countdown;
    }

    /// <summary>A uniform draw from 0 to <paramref name="count"/> - 1 (xorshift32, then multiply-shift to the range).</summary>
    private int Draw(int count)
    {
        uint x = _random;
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        _random = x;
        return (int)(((ulong)x * (uint)count) >> 32);
    }
}
