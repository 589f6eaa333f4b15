using System;
using System.Collections.Generic;
using System.Threading;

namespace SparkScheduler.Simulation;

/// <summary>
/// A <see cref="TimeProvider"/> that stands still until the simulation advances it. Timers fire on the thread that
/// calls <see cref="AdvanceTo"/>, in due-time order, each seeing the clock at its own due time, so everything driven
/// by this clock (the executor-expiry check) is as deterministic as the simulation itself.
/// </summary>
internal sealed class SimulationClock : TimeProvider
{
    private readonly object _gate = new();
    private readonly List<ManualTimer> _timers = [];
    private DateTimeOffset _now;

    /// <summary>Creates a clock that reads <paramref name="start"/> until advanced.</summary>
    public SimulationClock(DateTimeOffset start) => _now = start;

    /// <inheritdoc/>
    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    /// <summary>The time as epoch milliseconds, the unit of every event's <c>Time</c>.</summary>
    public long NowMs => GetUtcNow().ToUnixTimeMilliseconds();

    /// <inheritdoc/>
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        timer.Change(dueTime, period);
        lock (_gate)
        {
            _timers.Add(timer);
        }

        return timer;
    }

    /// <summary>Moves the clock forward to <paramref name="epochMs"/>, firing every timer that falls due on the way.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The time is earlier than the clock.</exception>
    public void AdvanceTo(long epochMs)
    {
        DateTimeOffset target = DateTimeOffset.FromUnixTimeMilliseconds(epochMs);
        while (true)
        {
            ManualTimer? due = null;
            lock (_gate)
            {
                ArgumentOutOfRangeException.ThrowIfLessThan(target, _now, nameof(epochMs));
                foreach (ManualTimer t in _timers)
                {
                    if (t.DueAt is { } at && at <= target && (due is null || at < due.DueAt))
                    {
                        due = t;
                    }
                }

                if (due is null)
                {
                    _now = target;
                    return;
                }

                _now = due.DueAt!.Value;
                due.Rearm();
            }

            // Outside the lock: the callback may read the clock or change timers.
            due.Fire();
        }
    }

    private void Remove(ManualTimer timer)
    {
        lock (_gate)
        {
            _timers.Remove(timer);
        }
    }

    private sealed class ManualTimer(SimulationClock clock, TimerCallback callback, object? state) : ITimer
    {
        private TimeSpan _period = Timeout.InfiniteTimeSpan;

        // Read and written under the clock's lock.
        public DateTimeOffset? DueAt { get; private set; }

        /// <exception cref="ArgumentOutOfRangeException">A negative time other than <see cref="Timeout.InfiniteTimeSpan"/>, as <see cref="ITimer.Change"/> requires.</exception>
        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            ThrowIfNegative(dueTime, nameof(dueTime));
            ThrowIfNegative(period, nameof(period));
            lock (clock._gate)
            {
                _period = period;
                DueAt = dueTime == Timeout.InfiniteTimeSpan ? null : clock._now + dueTime;
            }

            return true;
        }

        // Called under the clock's lock when the timer fires: a periodic timer is due again one period later.
        public void Rearm() =>
            DueAt = _period == Timeout.InfiniteTimeSpan || _period == TimeSpan.Zero ? null : DueAt + _period;

        public void Fire() => callback(state);

        private static void ThrowIfNegative(TimeSpan time, string name)
        {
            if (time < TimeSpan.Zero && time != Timeout.InfiniteTimeSpan)
            {
                throw new ArgumentOutOfRangeException(name, time, "A timer's times are zero or more, or Timeout.InfiniteTimeSpan.");
            }
        }

        public void Dispose() => clock.Remove(this);

        public System.Threading.Tasks.ValueTask DisposeAsync()
        {
            Dispose();
            return default;
        }
    }
}
