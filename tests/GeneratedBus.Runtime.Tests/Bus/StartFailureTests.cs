using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using GeneratedBus.Runtime.Tests.Support;

namespace GeneratedBus.Runtime.Tests.Bus;

/// <summary>
/// A Start that fails part-way (issue 16, defect 7) leaves the bus as it was: no dispatch thread alive, not started,
/// its start buffer kept, so Stop and Dispose behave as for a bus never started and Start may be tried again.
/// </summary>
public class StartFailureTests
{
    [Fact]
    public void A_Start_whose_drop_report_timer_cannot_be_made_leaves_no_thread_and_can_be_tried_again()
    {
        var clock = new TimerlessTimeProvider(failures: 1);
        var options = TestOptions.Create(time: clock);
        options.DropReportInterval = TimeSpan.FromSeconds(1);
        using var bus = new TestBus(options);
        var started = new ConcurrentQueue<Thread>();
        bus.StartThread = Recording(started);
        var listener = new CollectingListener();
        bus.AddToQueue(listener, "q");
        bus.Post(new Ping(1));

        Assert.Throws<NotSupportedException>(bus.Start);

        Assert.All(started, t => Assert.False(t.IsAlive, $"{t.Name} outlived the failed Start"));
        Assert.Equal(0, listener.Count);
        Assert.Throws<InvalidOperationException>(bus.Stop);

        // The buffered event is still there for the second, successful Start.
        bus.Start();
        bus.Stop();
        Assert.Equal(new[] { 1 }, listener.Events.Select(e => e.Value));
        Assert.Equal(new QueueStats("q", 10_000, 0, 1, 1, 0), bus.GetStats().Queues["q"]);
    }

    [Fact]
    public void A_Start_that_cannot_create_a_later_queue_thread_takes_back_the_threads_it_started()
    {
        using var bus = new TestBus(TestOptions.Create());
        var started = new ConcurrentQueue<Thread>();
        Action<Thread> record = Recording(started);
        bus.StartThread = thread =>
        {
            DispatchThreadStartFailureTests.FailFor("GeneratedBus-b")(thread);
            started.Enqueue(thread);
        };
        var a = new CollectingListener();
        var b = new CollectingListener();
        bus.AddToQueue(a, "a");
        bus.AddToQueue(b, "b");
        bus.Post(new Ping(1));

        Assert.Throws<OutOfMemoryException>(bus.Start);

        Assert.Contains(started, t => t.Name == "GeneratedBus-a");
        Assert.All(started, t => Assert.False(t.IsAlive, $"{t.Name} outlived the failed Start"));
        Assert.Equal(0, a.Count + b.Count);

        bus.StartThread = record;
        bus.Start();
        bus.Stop();
        Assert.Equal(new[] { 1 }, a.Events.Select(e => e.Value));
        Assert.Equal(new[] { 1 }, b.Events.Select(e => e.Value));
    }

    [Fact]
    public void Dispose_after_a_failed_Start_returns_and_leaves_no_thread()
    {
        var bus = new TestBus(TestOptions.Create(time: new TimerlessTimeProvider(failures: int.MaxValue)));
        var started = new ConcurrentQueue<Thread>();
        bus.StartThread = Recording(started);
        bus.AddToQueue(new CollectingListener(), "q");
        bus.Post(new Ping(1));
        Assert.Throws<NotSupportedException>(bus.Start);

        Workers.Run(bus.Dispose, "Dispose after a failed Start");

        Assert.All(started, t => Assert.False(t.IsAlive, $"{t.Name} outlived Dispose"));
        Assert.Throws<InvalidOperationException>(bus.Start);
    }

    private static Action<Thread> Recording(ConcurrentQueue<Thread> started) => thread =>
    {
        thread.Start();
        started.Enqueue(thread);
    };

    /// <summary>The system clock, but its first <c>failures</c> timers cannot be made.</summary>
    private sealed class TimerlessTimeProvider(int failures) : TimeProvider
    {
        private int _left = failures;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
            Interlocked.Decrement(ref _left) >= 0
                ? throw new NotSupportedException("no timer (test)")
                : System.CreateTimer(callback, state, dueTime, period);
    }
}
