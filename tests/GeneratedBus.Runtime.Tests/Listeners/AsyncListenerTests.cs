using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GeneratedBus.Runtime.Tests.Support;

namespace GeneratedBus.Runtime.Tests.Listeners;

/// <summary>Async listeners on a queue: ordered with sync ones, cancelled on stop, failing, timed and costing as sync ones.</summary>
[Collection(GlobalMeterCollection.Name)] // the allocation and timer tests need no one listening to listener.duration
public class AsyncListenerTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public void Sync_and_async_listeners_on_one_queue_get_each_event_in_order_one_call_at_a_time()
    {
        var journal = new Journal();
        using var bus = new AsyncTestBus(TestOptions.Create());
        bus.AddToSharedQueue(new JournalingListener("s1", journal));
        bus.AddToSharedQueue(new JournalingAsyncListener("a1", journal));
        bus.AddToSharedQueue(new JournalingListener("s2", journal));
        bus.AddToSharedQueue(new JournalingAsyncListener("a2", journal));
        bus.Start();
        const int events = 200;
        for (int i = 0; i < events; i++)
        {
            bus.Post(new Ping(i));
        }

        bus.WaitUntilEmpty(Deadline);

        // Each call ends before the next listener's starts, and each event's four calls before the next event's.
        string[] expected = Enumerable.Range(0, events)
            .SelectMany(i => new[] { "s1", "a1", "s2", "a2" }.SelectMany(name => new[] { $"{name}+{i}", $"{name}-{i}" }))
            .ToArray();
        Assert.Equal(expected, journal.Entries());
        Assert.Equal(0, journal.Overlaps);
        Assert.Equal(events, bus.GetStats().Queues[TestBus.SharedQueue].Processed);
    }

    [Fact]
    public async Task Stop_cancels_an_async_listener_stuck_on_IO_at_ExitTimeout_and_counts_its_failure()
    {
        var logs = new CollectingLoggerFactory();
        var options = TestOptions.Create(logs: logs);
        options.ExitTimeout = TimeSpan.FromMilliseconds(200);
        using var bus = new AsyncTestBus(options);
        var stuck = new AwaitingUntilCancelledListener();
        var after = new CallCounter();
        bus.AddToQueue(stuck, "io");
        bus.AddToQueue(after, "io");
        bus.Start();
        for (int i = 0; i < 3; i++)
        {
            bus.Post(new Ping(i));
        }

        await stuck.Entered.WaitAsync(Deadline);
        bus.Stop();

        // ExitTimeout gave up on the queue and cancelled its token: the call ends, as a failure; the sync listener
        // behind it still gets the event in flight, and the two events behind that are dropped.
        await stuck.Cancelled.WaitAsync(Deadline);
        Eventually.True(() => bus.GetStats().Queues["io"] is { Size: 0 } q && q.Processed + q.Dropped == 3, "the abandoned queue settles");
        QueueStats io = bus.GetStats().Queues["io"];
        Assert.Equal(1, io.Processed);
        Assert.Equal(2, io.Dropped);
        Assert.Equal(1, after.Count);
        ListenerStats stats = bus.GetStats().Listeners[typeof(AwaitingUntilCancelledListener)];
        Assert.Equal(1, stats.Events);
        Assert.Equal(1, stats.Failures);
        bus.FlushLog();
        LogEntry failed = Assert.Single(logs.Entries, e => e.EventId.Id == 1);
        Assert.Contains(typeof(AwaitingUntilCancelledListener).FullName!, failed.Message);
        Assert.IsAssignableFrom<OperationCanceledException>(failed.Exception);
    }

    [Fact]
    public async Task StopAsync_with_a_cancelled_token_cancels_a_stuck_async_listener_without_waiting_for_ExitTimeout()
    {
        var options = TestOptions.Create();
        options.ExitTimeout = TimeSpan.FromMinutes(5);
        await using var bus = new AsyncTestBus(options);
        var stuck = new AwaitingUntilCancelledListener();
        bus.AddToSharedQueue(stuck);
        bus.Start();
        bus.Post(new Ping(1));
        await stuck.Entered.WaitAsync(Deadline);

        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        await bus.StopAsync(cancelled.Token).WaitAsync(Deadline);

        await stuck.Cancelled.WaitAsync(Deadline);
        Eventually.True(() => bus.GetStats().Queues[TestBus.SharedQueue].Processed == 1, "the cancelled call returns");
    }

    [Fact]
    public void A_faulted_or_throwing_async_call_is_a_counted_failure_and_the_next_listener_still_gets_the_event()
    {
        var logs = new CollectingLoggerFactory();
        using var bus = new AsyncTestBus(TestOptions.Create(logs: logs));
        var after = new CallCounter();
        bus.AddToSharedQueue(new FaultingAsyncListener());
        bus.AddToSharedQueue(new ThrowingAsyncListener());
        bus.AddToSharedQueue(after);
        bus.Start();
        for (int i = 0; i < 10; i++)
        {
            bus.Post(new Ping(i));
        }

        bus.WaitUntilEmpty(Deadline);

        Assert.Equal(10, after.Count);
        IReadOnlyDictionary<Type, ListenerStats> listeners = bus.GetStats().Listeners;
        Assert.Equal((10L, 10L), (listeners[typeof(FaultingAsyncListener)].Events, listeners[typeof(FaultingAsyncListener)].Failures));
        Assert.Equal((10L, 10L), (listeners[typeof(ThrowingAsyncListener)].Events, listeners[typeof(ThrowingAsyncListener)].Failures));
        Assert.Equal(0, listeners[typeof(CallCounter)].Failures);
        bus.FlushLog();
        LogEntry[] failures = logs.Entries.Where(e => e.EventId.Id == 1).ToArray();

        // The first failure of each kind is logged in full (the rest are summarised, see ListenerFailureTests): the
        // handler's own exception, not an AggregateException, under the async listener's type.
        Assert.Equal(2, failures.Length);
        Assert.All(failures, f => Assert.IsType<InvalidOperationException>(f.Exception));
        Assert.Equal(1, failures.Count(f => f.Message.Contains(typeof(FaultingAsyncListener).FullName!)));
        Assert.Equal(1, failures.Count(f => f.Message.Contains(typeof(ThrowingAsyncListener).FullName!)));
        Assert.Equal(10, bus.GetStats().Queues[TestBus.SharedQueue].Processed);
    }

    [Fact]
    public void A_synchronously_completed_async_call_allocates_nothing()
    {
        var listener = new SynchronousAsyncListener();
        var call = new AsyncTestBus.Call(listener);
        var e = new Ping(1);
        long allocated = long.MaxValue;

        // Rounds until one is clean: the JIT's one-time work (tiering) may allocate on this thread while it settles.
        for (int round = 0; round < 10 && allocated != 0; round++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 10_000; i++)
            {
                call.On(e, 1);
            }

            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        }

        Assert.Equal(0, allocated);
        Assert.True(listener.Count >= 10_000);
    }

    [Fact]
    public void On_the_dispatch_thread_synchronously_completed_async_calls_allocate_nothing()
    {
        using var bus = new AsyncTestBus(TestOptions.Create(capacity: 1 << 16));
        var probe = new AllocationProbe();
        bus.AddToSharedQueue(new SynchronousAsyncListener());
        bus.AddToSharedQueue(new SynchronousAsyncListener());
        bus.AddToSharedQueue(probe);
        bus.Start();
        var e = new Ping(1);

        // The probe reads the dispatch thread's allocations at each event: between two readings, the two async calls
        // and the delivery ran. A round of events that allocated nothing in between, after warm-up, is the steady state.
        long cleanRun = 0;
        for (int round = 0; round < 10 && cleanRun == 0; round++)
        {
            probe.Reset();
            for (int i = 0; i < 10_000; i++)
            {
                bus.Post(e);
            }

            bus.WaitUntilEmpty(Deadline);
            cleanRun = probe.LongestRunWithoutAllocation;
        }

        Assert.True(cleanRun >= 1000, $"the async calls allocated on the dispatch thread: the longest clean run was {cleanRun} events");
    }

    [Fact]
    public void Timers_measure_an_async_call_end_to_end_under_the_async_listener_type()
    {
        using var bus = new AsyncTestBus(TestOptions.Create());
        bus.AddToSharedQueue(new DelayingAsyncListener(TimeSpan.FromMilliseconds(40)));
        bus.Start();
        for (int i = 0; i < 3; i++)
        {
            bus.Post(new Ping(i));
        }

        bus.WaitUntilEmpty(Deadline);

        // Slow calls are all timed (the sampler times every event once calls take over 1 µs): three awaits of 40 ms.
        ListenerStats stats = bus.GetStats().Listeners[typeof(DelayingAsyncListener)];
        Assert.Equal(3, stats.Events);
        Assert.True(stats.TotalTime >= TimeSpan.FromMilliseconds(110), $"total {stats.TotalTime}");
        Assert.True(stats.MaxTime >= TimeSpan.FromMilliseconds(35), $"max {stats.MaxTime}");
        Assert.DoesNotContain(bus.GetStats().Listeners.Keys, t => t == typeof(AsyncTestBus.Call));
    }

    [Fact]
    public void An_async_listener_is_found_by_type_removed_by_itself_and_kept_out_of_Listeners()
    {
        using var bus = new AsyncTestBus(TestOptions.Create());
        var asyncListener = new SynchronousAsyncListener();
        var sync = new CallCounter();
        bus.AddToQueue(asyncListener, "a");
        bus.AddToQueue(asyncListener, "b");
        bus.AddToQueue(sync, "b");
        bus.Start();

        Assert.Equal(new[] { asyncListener, asyncListener }, bus.FindListenersByType<SynchronousAsyncListener>());
        Assert.Equal(new ITestListener[] { sync }, bus.Listeners);

        Assert.True(bus.RemoveListener(asyncListener));
        Assert.Empty(bus.FindListenersByType<SynchronousAsyncListener>());
        Assert.Equal(new[] { "b" }, bus.ActiveQueues);
        Assert.False(bus.RemoveListener(asyncListener));
        bus.Post(new Ping(1));
        bus.WaitUntilEmpty(Deadline);
        Assert.Equal(0, asyncListener.Count);
        Assert.Equal(1, sync.Count);
    }

    /// <summary>Reads the dispatch thread's allocated bytes at each event and keeps the longest run without growth.</summary>
    private sealed class AllocationProbe : ITestListener
    {
        private long _last = -1;
        private long _run;
        private long _longest;

        public long LongestRunWithoutAllocation => Volatile.Read(ref _longest);

        public void Reset()
        {
            Volatile.Write(ref _last, -1);
            Volatile.Write(ref _run, 0);
            Volatile.Write(ref _longest, 0);
        }

        public void On(TestEvent e, int kind)
        {
            long now = GC.GetAllocatedBytesForCurrentThread();
            long last = Volatile.Read(ref _last);
            long run = now == last ? Volatile.Read(ref _run) + 1 : 0;
            Volatile.Write(ref _run, run);
            if (run > Volatile.Read(ref _longest))
            {
                Volatile.Write(ref _longest, run);
            }

            Volatile.Write(ref _last, now);
        }
    }
}
