using System;
using System.Collections.Generic;
using System.Linq;

namespace GeneratedBus.Runtime.Tests.Queues;

public class TimingSamplerTests
{
    // Ticks per second of TimeSpan: 1 µs is 10 ticks.
    private const long Frequency = TimeSpan.TicksPerSecond;

    [Fact]
    public void Fast_events_double_the_interval_up_to_sixteen_and_gaps_fall_between_half_and_all_of_it()
    {
        var sampler = new TimingSampler(Frequency);
        List<int> timed = TimedPositions(Sample(ref sampler, 10_000, _ => 0));

        // The first event is timed; the k-th gap after it lies in [interval/2, interval] for intervals 2, 4, 8, 16, 16...
        Assert.Equal(0, timed[0]);
        int[] gaps = timed.Zip(timed.Skip(1), (a, b) => b - a).ToArray();
        for (int k = 0; k < gaps.Length; k++)
        {
            int interval = k < 4 ? 2 << k : TimingSampler.MaxInterval;
            Assert.InRange(gaps[k], interval / 2, interval);
        }

        Assert.Equal(TimingSampler.MaxInterval, sampler.Interval);
        Assert.Contains(TimingSampler.MaxInterval / 2, gaps.Skip(3));
        Assert.Contains(TimingSampler.MaxInterval, gaps.Skip(3));
    }

    [Fact]
    public void An_event_is_slow_by_its_calls_mean_so_many_fast_listeners_do_not_make_every_event_timed()
    {
        var sampler = new TimingSampler(Frequency);

        // Twenty calls of 0.1 µs: 2 µs in all, fast per call; the interval keeps doubling.
        Sample(ref sampler, 1_000, _ => 0);
        Assert.Equal(TimingSampler.MaxInterval, sampler.Interval);
        while (!sampler.TimeNext())
        {
        }

        sampler.RunRead(slow: false);
        sampler.Timed(2 * sampler.SlowEventTicks, calls: 20);
        Assert.Equal(TimingSampler.MaxInterval, sampler.Interval);

        // Twenty calls of 1 µs each: slow; every following event is timed.
        while (!sampler.TimeNext())
        {
        }

        sampler.RunRead(slow: false);
        sampler.Timed(20 * sampler.SlowEventTicks, calls: 20);
        Assert.Equal(1, sampler.Interval);
        Assert.True(sampler.TimeNext());
    }

    [Fact]
    public void A_slow_timed_event_or_a_slow_untimed_run_makes_every_following_event_timed()
    {
        var sampler = new TimingSampler(Frequency);
        Sample(ref sampler, 1_000, _ => 0);
        Assert.Equal(TimingSampler.MaxInterval, sampler.Interval);

        while (!sampler.TimeNext())
        {
        }

        sampler.RunRead(slow: false);
        sampler.Timed(sampler.SlowEventTicks, calls: 1);
        Assert.Equal(1, sampler.Interval);
        Assert.All(Sample(ref sampler, 20, _ => sampler.SlowEventTicks), t => Assert.True(t));

        // Back to fast: the interval doubles again, until an untimed run is read as slow.
        Sample(ref sampler, 1_000, _ => 0);
        Assert.Equal(TimingSampler.MaxInterval, sampler.Interval);
        while (sampler.TimeNext())
        {
            sampler.Timed(0, calls: 1);
        }

        sampler.RunRead(slow: true);
        Assert.Equal(1, sampler.Interval);
        Assert.True(sampler.TimeNext());
    }

    [Fact]
    public void Untimed_counts_exactly_the_events_not_timed_since_the_last_reading()
    {
        var sampler = new TimingSampler(Frequency);
        Sample(ref sampler, 1_000, _ => 0);
        while (!sampler.TimeNext())
        {
        }

        sampler.RunRead(slow: false);
        sampler.Timed(0, calls: 1);
        int untimed = 0;
        while (!sampler.TimeNext())
        {
            untimed++;
            Assert.Equal(untimed, sampler.Untimed);
        }

        Assert.InRange(untimed, TimingSampler.MaxInterval / 2 - 1, TimingSampler.MaxInterval - 1);
        sampler.RunRead(slow: false);
        Assert.Equal(0, sampler.Untimed);
    }

    [Theory]
    [InlineData(TimingSampler.DefaultSeed)]
    [InlineData(12345u)]
    [InlineData(0xDEADBEEFu)]
    public void Every_position_of_a_periodic_stream_is_timed_its_fair_share(uint seed)
    {
        // A fixed gap of 16 times only one kind of a stream that alternates two kinds (or cycles four). With the
        // seed fixed the result is deterministic; about 16,000 samples put a fair share within 1% or so, so the
        // 10% bound is generous.
        const int events = 200_000;
        var sampler = new TimingSampler(Frequency, seed);
        bool[] timed = Sample(ref sampler, events, _ => 0);
        List<int> positions = TimedPositions(timed);
        foreach (int period in new[] { 2, 3, 4, 16 })
        {
            int[] perResidue = new int[period];
            foreach (int p in positions)
            {
                perResidue[p % period]++;
            }

            double fair = (double)positions.Count / period;
            Assert.All(perResidue, n => Assert.InRange(n, fair * 0.9, fair * 1.1));
        }
    }

    /// <summary>Runs <paramref name="events"/> events through the sampler as a queue does, and says which were timed.</summary>
    internal static bool[] Sample(ref TimingSampler sampler, int events, Func<int, long> ticks)
    {
        bool[] timed = new bool[events];
        for (int i = 0; i < events; i++)
        {
            if (sampler.TimeNext())
            {
                if (sampler.Untimed > 0)
                {
                    sampler.RunRead(slow: false);
                }

                sampler.Timed(ticks(i), calls: 1);
                timed[i] = true;
            }
        }

        return timed;
    }

    private static List<int> TimedPositions(bool[] timed) =>
        Enumerable.Range(0, timed.Length).Where(i => timed[i]).ToList();
}
