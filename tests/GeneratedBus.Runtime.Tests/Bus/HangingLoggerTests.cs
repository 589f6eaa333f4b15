using System;
using System.Threading;
using GeneratedBus.Runtime.Tests.Support;

namespace GeneratedBus.Runtime.Tests.Bus;

/// <summary>
/// A logger that hangs never holds up the bus's callers: the post that drops first returns, Stop returns within its
/// ExitTimeouts, and GetStats, AddToQueue and RemoveListener return while a drop report hangs (issue 16, defect 10).
/// The log calls are made, on another thread, and wait there.
/// </summary>
public class HangingLoggerTests
{
    /// <summary>Far beyond what each call needs, far below the logger's hang.</summary>
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(10);

    // The event ids of the bus's log messages (see Log).
    private const int FirstDrop = 4, DropSummary = 5, ExitTimeout = 7, QueueRetired = 9, WaitingProducersReleased = 13;

    [Fact]
    public void The_post_that_drops_first_returns_while_its_log_hangs_on_another_thread()
    {
        var logs = new HangingLoggerFactory(FirstDrop);
        var options = TestOptions.Create(capacity: 1);
        options.LoggerFactory = logs;
        using var bus = new TestBus(options);
        using HangingLoggerFactory released = logs;
        using BlockingListener blocking = BlockingListener.StartBlocked(bus, "q");
        bus.Post(new Ping(1));

        Thread? poster = null;
        Returns(() =>
        {
            poster = Thread.CurrentThread;
            bus.Post(new Ping(2));
        }, "the Post that dropped first");

        Assert.Equal(1, bus.GetStats().Queues["q"].Dropped);
        Eventually.True(() => logs.Begun(FirstDrop) == 1, "the first drop is logged");
        Assert.DoesNotContain(poster, logs.ThreadsOf(FirstDrop));
        blocking.Release();
    }

    [Fact]
    public void Stop_returns_within_its_ExitTimeouts_while_every_log_it_writes_hangs()
    {
        var logs = new HangingLoggerFactory(DropSummary, ExitTimeout, WaitingProducersReleased);
        var options = TestOptions.Create(capacity: 1);
        options.LoggerFactory = logs;
        options.ExitTimeout = TimeSpan.FromMilliseconds(100);
        options.QueueFullModes["wait"] = QueueFullMode.Wait;
        using var bus = new TestBus(options);
        using HangingLoggerFactory released = logs;
        using var stuck = new BlockingListener();
        using var waiting = new BlockingListener();
        bus.AddToQueue(stuck, "q");
        bus.AddToQueue(waiting, "wait");
        bus.Start();

        // q drops (first-drop log, a summary at Stop) and will not drain (ExitTimeout log); wait has a producer to release.
        bus.Post(new Ping(0));
        stuck.WaitUntilEntered();
        waiting.WaitUntilEntered();
        bus.Post(new Ping(1));
        Workers producer = Workers.Start(1, _ => bus.Post(new Ping(2)), "producer");
        Eventually.True(() => bus.Queue("wait").Waiting!.ParkedCount == 1, "a producer waits for room");

        Returns(bus.Stop, "Stop");
        producer.Join("producer");
        waiting.Release();
        stuck.Release();
    }

    [Fact]
    public void GetStats_AddToQueue_and_RemoveListener_return_while_a_drop_report_hangs()
    {
        var logs = new HangingLoggerFactory(DropSummary, QueueRetired);
        var time = new ManualTimeProvider();
        var options = TestOptions.Create(capacity: 1, time: time);
        options.LoggerFactory = logs;
        options.DropReportInterval = TimeSpan.FromSeconds(60);
        using var bus = new TestBus(options);
        using HangingLoggerFactory released = logs;
        using BlockingListener blocking = BlockingListener.StartBlocked(bus, "q");
        bus.Post(new Ping(1));
        Returns(() => bus.Post(new Ping(2)), "the Post that dropped first");

        // The schedule's report of that drop hangs in the logger (on the thread that moved the clock, or later).
        Workers clock = Workers.Start(1, _ => time.Advance(TimeSpan.FromSeconds(60)), "the drop report's timer");
        Eventually.True(() => logs.Begun(DropSummary) == 1, "the drop report hangs");

        var added = new CollectingListener();
        Returns(() => bus.AddToQueue(added, "new"), "AddToQueue");
        Returns(() => bus.GetStats(), "GetStats");
        Returns(() => bus.RemoveListener(added), "RemoveListener");
        logs.Release();
        clock.Join("the drop report's timer");
        blocking.Release();
    }

    /// <summary>Runs <paramref name="action"/> on a thread of its own; fails unless it returns within <see cref="Prompt"/>.</summary>
    private static void Returns(Action action, string what)
    {
        Workers call = Workers.Start(1, _ => action(), what);
        Assert.True(SpinWait.SpinUntil(() => !call.IsAnyAlive, Prompt), $"{what} did not return within {Prompt} while the logger hung");
        call.Join(what);
    }
}
