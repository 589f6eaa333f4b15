using System;
using System.Threading;
using SparkScheduler.Simulation;

namespace GeneratedBus.Samples.Tests;

/// <summary>The simulation clock keeps the <see cref="TimeProvider"/> timer contract.</summary>
public sealed class SimulationClockTests
{
    [Theory]
    [InlineData(-2, 0)]
    [InlineData(0, -5)]
    public void A_negative_time_other_than_infinite_is_rejected(int dueMs, int periodMs)
    {
        var clock = new SimulationClock(DateTimeOffset.UnixEpoch);

        Assert.Throws<ArgumentOutOfRangeException>(() =>
            clock.CreateTimer(_ => { }, null, TimeSpan.FromMilliseconds(dueMs), TimeSpan.FromMilliseconds(periodMs)));
        using ITimer timer = clock.CreateTimer(_ => { }, null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        Assert.Throws<ArgumentOutOfRangeException>(() => timer.Change(TimeSpan.FromMilliseconds(dueMs), TimeSpan.FromMilliseconds(periodMs)));
    }

    [Fact]
    public void An_infinite_due_time_never_fires_and_a_period_repeats()
    {
        var clock = new SimulationClock(DateTimeOffset.UnixEpoch);
        int never = 0, every10 = 0;
        using ITimer off = clock.CreateTimer(_ => never++, null, Timeout.InfiniteTimeSpan, TimeSpan.FromMilliseconds(10));
        using ITimer on = clock.CreateTimer(_ => every10++, null, TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(10));

        clock.AdvanceTo(35);

        Assert.Equal(0, never);
        Assert.Equal(3, every10);
    }
}
