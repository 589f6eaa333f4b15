using System;
using System.Linq;
using GeneratedBus.Samples.Tests.Support;
using SparkScheduler.Events;
using SparkScheduler.Events.Info;
using SparkScheduler.Listeners.Liveness;
using SparkScheduler.Simulation;

namespace GeneratedBus.Samples.Tests;

/// <summary>The executor-liveness listener expires silent executors at the checks of the clock it is given.</summary>
[Collection(SmallRunCollection.Name)]
public sealed class ExpiryTests(SmallRunFixture small)
{
    private const long T0 = DagScheduler.StartMs;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120); // checks every 60 s
    private static readonly ExecutorInfo Info = new("worker-001", 4, new System.Collections.Generic.Dictionary<string, string>());

    [Fact]
    public void An_executor_whose_heartbeats_stop_expires_at_the_first_check_past_the_timeout()
    {
        var clock = new SimulationClock(DateTimeOffset.FromUnixTimeMilliseconds(T0));
        var listener = new ExecutorLivenessListener(clock, Timeout);
        listener.OnExecutorAdded(new ExecutorAdded(T0, "alive", Info));
        listener.OnExecutorAdded(new ExecutorAdded(T0, "silent", Info));

        // "alive" beats every 10 s for 5 minutes; "silent" never does. Checks fire at +60, +120, +180 ...
        for (long t = T0 + 10_000; t <= T0 + 300_000; t += 10_000)
        {
            clock.AdvanceTo(t);
            listener.OnExecutorMetricsUpdate(Heartbeat("alive", t));
        }

        listener.OnApplicationEnd(new ApplicationEnd(T0 + 300_001, 0));
        listener.Dispose();

        // Silent since T0: not expired at +120 (exactly the timeout), expired at +180.
        ExpiredExecutor expired = Assert.Single(listener.Expired);
        Assert.Equal("silent", expired.ExecutorId);
        Assert.Equal(T0, expired.LastSeen);
        Assert.Equal(T0 + 180_000, expired.ExpiredAt);
        Assert.Equal(1, listener.Tracked);
        Assert.Equal(5, listener.ChecksRun);
    }

    [Fact]
    public void A_check_waits_for_the_events_up_to_its_time_so_a_lagging_queue_expires_no_live_executor()
    {
        var clock = new SimulationClock(DateTimeOffset.FromUnixTimeMilliseconds(T0));
        var listener = new ExecutorLivenessListener(clock, Timeout);

        // The clock runs five checks ahead before the queue delivers anything: as if the executorManagement queue lagged.
        clock.AdvanceTo(T0 + 300_000);
        listener.OnExecutorAdded(new ExecutorAdded(T0, "lagged", Info));
        for (long t = T0 + 10_000; t <= T0 + 300_000; t += 10_000)
        {
            listener.OnExecutorMetricsUpdate(Heartbeat("lagged", t));
        }

        listener.OnApplicationEnd(new ApplicationEnd(T0 + 300_001, 0));
        listener.Dispose();

        Assert.Empty(listener.Expired);
        Assert.Equal(5, listener.ChecksRun);
        Assert.Equal(1, listener.Tracked);
    }

    [Fact]
    public void A_removed_executor_is_not_expired()
    {
        var clock = new SimulationClock(DateTimeOffset.FromUnixTimeMilliseconds(T0));
        var listener = new ExecutorLivenessListener(clock, Timeout);
        listener.OnExecutorAdded(new ExecutorAdded(T0, "gone", Info));
        listener.OnExecutorRemoved(new ExecutorRemoved(T0 + 5_000, "gone", "Container killed by YARN"));
        clock.AdvanceTo(T0 + 600_000);
        listener.OnApplicationEnd(new ApplicationEnd(T0 + 600_001, 0));
        listener.Dispose();

        Assert.Empty(listener.Expired);
        Assert.Equal(0, listener.Tracked);
    }

    [Fact]
    public void In_a_run_the_hung_executors_and_only_they_expire_and_are_then_removed()
    {
        SampleRun run = small.Run;

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal(2, run.Table.Value("Executor liveness", "executors.expired")); // --hung-executors 2
        Assert.Equal(0, run.Table.Value("Executor liveness", "failures"));

        // The executors the listener expired are exactly the ones the driver hung (and removed on timeout).
        string[] expired = IdsAfter(run, "expired.");
        string[] hung = IdsAfter(run, "hung.");
        Assert.Equal(2, hung.Length);
        Assert.Equal(hung, expired);

        // One killed plus two hung executors are removed, and each is replaced.
        Assert.Equal(3, run.Table.Value("App status", "executors.removed"));
        Assert.Equal(8 + 3, run.Table.Value("App status", "executors.added"));
    }

    [Fact]
    public void A_message_the_loop_fails_on_is_counted_and_its_exception_kept()
    {
        var clock = new SimulationClock(DateTimeOffset.FromUnixTimeMilliseconds(T0));
        var listener = new ExecutorLivenessListener(clock, Timeout);

        // An executor without an id cannot be tracked: the loop's dictionary throws on it.
        listener.OnExecutorAdded(new ExecutorAdded(T0, null!, Info));
        listener.OnExecutorAdded(new ExecutorAdded(T0, "fine", Info));
        listener.OnApplicationEnd(new ApplicationEnd(T0 + 1, 0));
        listener.Dispose();

        Assert.Equal(1, listener.Failures);
        Assert.IsType<ArgumentNullException>(Assert.Single(listener.FirstErrors));
        Assert.Equal(1, listener.Tracked);
    }

    [Fact]
    public void The_first_check_is_one_interval_after_the_clock_the_listener_was_created_at()
    {
        var clock = new SimulationClock(DateTimeOffset.FromUnixTimeMilliseconds(T0));
        clock.AdvanceTo(T0 + 7_000);
        using var listener = new ExecutorLivenessListener(clock, Timeout);

        Assert.Equal(T0 + 7_000 + 60_000, listener.FirstCheckMs);
    }

    private static string[] IdsAfter(SampleRun run, string prefix) =>
        run.Table.Section("Executor liveness")
            .Where(l => l.StartsWith(prefix, StringComparison.Ordinal))
            .Select(l => l[prefix.Length..].Split(' ')[0])
            .Order(StringComparer.Ordinal)
            .ToArray();

    private static ExecutorMetricsUpdate Heartbeat(string executorId, long time) =>
        new(executorId, [], new ExecutorMetrics(1, 1, 1, 0, 0), time);
}
