using System;
using System.Linq;
using System.Threading;
using GeneratedBus.Runtime.Tests.Queues;
using GeneratedBus.Runtime.Tests.Support;

namespace GeneratedBus.Runtime.Tests.Bus;

/// <summary>
/// A queue's sampled timers, end to end: which events it times, an unbiased scaled total, and slow calls among
/// untimed events however the queue stops. Which events are timed is predicted by a sampler of the same seed: while
/// every delivery is fast, the choice depends on nothing else.
/// </summary>
[Collection(GlobalMeterCollection.Name)]
public class SampledTimingTests
{
    private const int Events = 40;

    [Fact]
    public void A_queue_times_one_fast_event_in_up_to_sixteen_and_counts_every_call()
    {
        var time = new CountingTimeProvider();
        using var bus = new TestBus(TestOptions.Create(time: time));
        using var gate = new ManualResetEventSlim();
        bus.AddToSharedQueue(new DelegateListener((e, k) => gate.Wait(TimeSpan.FromSeconds(30))));
        bus.Start();
        bus.Post(new Ping(0));
        Eventually.True(() => time.Reads == 1, "the first batch started");
        for (int i = 1; i <= 100; i++)
        {
            bus.Post(new Ping(i));
        }

        gate.Set();
        bus.WaitUntilEmpty(TimeSpan.FromSeconds(30));

        // This clock moves one tick (100 ns) per reading, so every delivery looks fast. Batch [0]: a start and an
        // end reading. Batch [1..100]: a start reading; each timed event one reading, plus one before it if an
        // untimed run precedes it; one reading ends the batch's last untimed run. Every call is still counted.
        bool[] timed = Planned(time, 101);
        int expected = 2 + 1;
        for (int i = 1; i <= 100; i++)
        {
            expected += timed[i] ? (timed[i - 1] || i == 1 ? 1 : 2) : 0;
        }

        expected += timed[100] ? 0 : 1;
        Assert.InRange(timed.Count(t => t), 101 / TimingSampler.MaxInterval, 101 / (TimingSampler.MaxInterval / 2) + 4);
        Assert.Equal(expected, time.Reads);
        Assert.Equal(101, bus.GetStats().Listeners[typeof(DelegateListener)].Events);
    }

    [Fact]
    public void The_scaled_total_time_of_a_stream_alternating_a_costly_and_a_free_kind_is_close_to_the_truth()
    {
        // Pings cost 5 ticks (0.5 µs, under the 1 µs that makes a queue time every event), Pongs nothing. A fixed
        // sampling period timed only one of the two kinds, reporting 0 or twice the truth.
        const int events = 20_000;
        const long pingTicks = 5;
        var time = new ManualTimeProvider();
        using var bus = new TestBus(TestOptions.Create(capacity: events, time: time));
        bus.AddToSharedQueue(new DelegateListener((e, k) =>
        {
            if (e is Ping)
            {
                time.Advance(TimeSpan.FromTicks(pingTicks));
            }
        }));
        bus.Start();
        for (int i = 0; i < events; i++)
        {
            bus.Post(i % 2 == 0 ? new Ping(i) : new Pong(i));
        }

        bus.Stop();

        ListenerStats stats = bus.GetStats().Listeners[typeof(DelegateListener)];
        Assert.Equal(events, stats.Events);
        long truth = events / 2 * pingTicks;
        Assert.InRange(stats.TotalTime.Ticks, truth * 0.9, truth * 1.1);
    }

    [Fact]
    public void A_slow_call_among_untimed_events_is_logged_with_the_listener_type_and_the_queue()
    {
        // Event 0 holds the queue until every event is posted, so events 1 to 39 make one batch; the 2 s call falls
        // on the first event left untimed, and only the reading that ends its run sees it.
        var logs = new CollectingLoggerFactory();
        var time = new ManualTimeProvider();
        bool[] timed = Planned(time, Events);
        int slow = Array.IndexOf(timed, false);
        int runEnd = Array.IndexOf(timed, true, slow);
        using var hold = new Hold();
        using TestBus bus = SlowCallBus(logs, time, slow, holdAt: 0, hold, TimeSpan.FromSeconds(30));
        hold.Release();
        bus.Stop();

        LogEntry warning = AssertSlowUntimedLogged(logs);
        Assert.StartsWith($"{runEnd - slow} untimed events", warning.Message);
        Assert.DoesNotContain(logs.Entries, e => e.EventId.Id == 3);
        Assert.Equal(Events, bus.GetStats().Listeners[typeof(DelegateListener)].Events);
    }

    [Fact]
    public void A_call_stuck_in_an_untimed_run_when_the_queue_is_abandoned_is_still_logged_as_slow()
    {
        // The stuck call outlives ExitTimeout, so the queue is abandoned before a later reading could end its run.
        var logs = new CollectingLoggerFactory();
        var time = new ManualTimeProvider();
        int stuck = Array.IndexOf(Planned(time, Events), false);
        using var hold = new Hold();
        using TestBus bus = SlowCallBus(logs, time, stuck, holdAt: stuck, hold, TimeSpan.FromMilliseconds(100));
        bus.Stop();
        hold.Release();

        Eventually.True(() => bus.GetStats().Queues[TestBus.SharedQueue].Dropped == Events - stuck - 1, "the rest dropped");
        AssertSlowUntimedLogged(logs);
        Assert.Equal(stuck + 1, bus.GetStats().Listeners[typeof(DelegateListener)].Events);
    }

    /// <summary>Which of the first <paramref name="events"/> fast events a queue on this clock times.</summary>
    private static bool[] Planned(TimeProvider time, int events)
    {
        var sampler = new TimingSampler(time.TimestampFrequency);
        return TimingSamplerTests.Sample(ref sampler, events, _ => 0);
    }

    /// <summary>
    /// A started bus whose listener takes 2 s at event <paramref name="slow"/> and waits at event
    /// <paramref name="holdAt"/>, once that event is reached with all <see cref="Events"/> events posted.
    /// </summary>
    private static TestBus SlowCallBus(
        CollectingLoggerFactory logs, ManualTimeProvider time, int slow, int holdAt, Hold hold, TimeSpan exitTimeout)
    {
        BusOptions options = TestOptions.Create(logs: logs, time: time);
        options.ExitTimeout = exitTimeout;
        options.SlowEventThreshold = TimeSpan.FromSeconds(1);
        var bus = new TestBus(options);
        bus.AddToSharedQueue(new DelegateListener((e, k) =>
        {
            if (e.Value == slow)
            {
                time.Advance(TimeSpan.FromSeconds(2));
            }

            if (e.Value == holdAt)
            {
                hold.Enter();
            }
        }));
        bus.Start();
        for (int i = 0; i < Events; i++)
        {
            bus.Post(new Ping(i));
            if (i == holdAt)
            {
                hold.WaitUntilEntered();
            }
        }

        return bus;
    }

    private static LogEntry AssertSlowUntimedLogged(CollectingLoggerFactory logs)
    {
        LogEntry warning = Assert.Single(logs.Entries, e => e.EventId.Id == 11);
        Assert.Contains(nameof(DelegateListener), warning.Message);
        Assert.Contains(TestBus.SharedQueue, warning.Message);
        Assert.Contains("2000 ms in all", warning.Message);
        return warning;
    }

    /// <summary>Holds the dispatch thread in a listener call until released (bounded, so a bug fails rather than hangs).</summary>
    private sealed class Hold : IDisposable
    {
        private readonly ManualResetEventSlim _entered = new();
        private readonly ManualResetEventSlim _gate = new();

        public void Enter()
        {
            _entered.Set();
            _gate.Wait(TimeSpan.FromSeconds(30));
        }

        public void WaitUntilEntered() => Assert.True(_entered.Wait(TimeSpan.FromSeconds(30)));

        public void Release() => _gate.Set();

        public void Dispose()
        {
            _gate.Set();
            _entered.Dispose();
        }
    }
}
