using System;
using System.Linq;
using System.Threading;
using GeneratedBus.Runtime.Tests.Support;

namespace GeneratedBus.Runtime.Tests.Dispatch;

/// <summary>
/// A dispatcher bound with OfSpanDispatcher delivers a whole run of listeners with one call, and the runtime still
/// guards each listener: a failure in the middle of a run is counted and logged, and the run resumes after it.
/// </summary>
public class SpanDispatcherTests
{
    [Fact]
    public void The_synchronous_bus_resumes_a_run_after_the_listener_that_threw_and_counts_every_call()
    {
        var bus = new SyncSpanTestBus();
        var first = new CollectingListener();
        var throwing = new ThrowingListener();
        var last = new OtherCollectingListener();
        bus.AddListener(first);
        bus.AddListener(throwing);
        bus.AddListener(last);

        bus.PostToAll(new Ping(1));
        bus.PostToAll(new Pong(2));

        Assert.Equal(new[] { 1, 2 }, first.Kinds);
        Assert.Equal(new[] { 1, 2 }, last.Kinds);
        Assert.Equal(2, throwing.Calls);
        var stats = bus.GetListenerStats();
        Assert.Equal((2, 2), (stats[typeof(ThrowingListener)].Events, stats[typeof(ThrowingListener)].Failures));
        Assert.Equal((2, 0), (stats[typeof(CollectingListener)].Events, stats[typeof(CollectingListener)].Failures));
        Assert.Equal(2, stats[typeof(OtherCollectingListener)].Events);
    }

    [Fact]
    public void The_synchronous_bus_removes_a_listener_that_throws_ThreadInterruptedException_mid_run()
    {
        var bus = new SyncSpanTestBus();
        var interrupted = new InterruptedListener();
        var after = new CollectingListener();
        bus.AddListener(interrupted);
        bus.AddListener(after);

        bus.PostToAll(new Ping(1));
        bus.PostToAll(new Ping(2));

        Assert.Equal(1, interrupted.Calls);
        Assert.Equal(2, after.Count);
        Assert.Equal(new ITestListener[] { after }, bus.Listeners);
    }

    [Fact]
    public void A_queue_delivers_every_event_in_order_past_a_throwing_listener_with_exact_counts()
    {
        using var bus = new SpanTestBus(TestOptions.Create());
        var first = new CollectingListener();
        var throwing = new ThrowingListener();
        var last = new OtherCollectingListener();
        bus.AddToSharedQueue(first);
        bus.AddToSharedQueue(throwing);
        bus.AddToSharedQueue(last);
        bus.Start();
        for (int i = 0; i < 100; i++)
        {
            bus.Post(i % 2 == 0 ? new Ping(i) : new Pong(i));
        }

        bus.Stop();

        Assert.Equal(Enumerable.Range(0, 100), first.Events.Select(e => e.Value));
        Assert.Equal(Enumerable.Range(0, 100), last.Events.Select(e => e.Value));
        Assert.Equal(Enumerable.Range(0, 100).Select(i => i % 2 == 0 ? 1 : 2), last.Kinds);
        BusStats stats = bus.GetStats();
        Assert.Equal(new QueueStats(TestBus.SharedQueue, 10_000, 0, 100, 100, 0), stats.Queues[TestBus.SharedQueue]);
        Assert.Equal((100, 100), (stats.Listeners[typeof(ThrowingListener)].Events, stats.Listeners[typeof(ThrowingListener)].Failures));
        Assert.Equal(100, stats.Listeners[typeof(CollectingListener)].Events);
        Assert.Equal(100, stats.Listeners[typeof(OtherCollectingListener)].Events);
    }

    [Fact]
    public void Posts_to_a_span_bound_synchronous_bus_allocate_nothing()
    {
        var bus = new SyncSpanTestBus();
        for (int i = 0; i < 3; i++)
        {
            bus.AddListener(new CountingOnlyListener());
        }

        var e = new Ping(1);
        int posts = 0;
        for (int i = 0; i < 10_000; i++, posts++)
        {
            bus.PostToAll(e);
        }

        // Steady state: tiered JIT may allocate on this thread while it settles, so measure rounds until one is clean.
        long allocated = long.MaxValue;
        for (int round = 0; round < 10 && allocated != 0; round++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 10_000; i++, posts++)
            {
                bus.PostToAll(e);
            }

            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        }

        Assert.Equal(0, allocated);
        Assert.Equal(3L * posts, bus.GetListenerStats()[typeof(CountingOnlyListener)].Events);
    }

    [Fact]
    public void A_span_dispatcher_that_throws_without_naming_a_listener_gets_a_clear_exception_not_an_index_error()
    {
        var bus = new BrokenSpanBus();
        bus.AddListener(new CollectingListener());

        var ex = Assert.Throws<InvalidOperationException>(() => bus.PostToAll(new Ping(1)));
        Assert.Contains("names none of the 1 listeners", ex.Message, StringComparison.Ordinal);
        Assert.IsType<NotSupportedException>(ex.InnerException);
    }

    /// <summary>Breaks DispatchSpan's contract: throws after its run with next past the last listener.</summary>
    private readonly struct BrokenSpanDispatcher : IEventSpanDispatcher<ITestListener, TestEvent>
    {
        public int KindCount => 3;

        public int Classify(TestEvent e) => TestDispatcher.KindOf(e);

        public void Dispatch(ITestListener listener, TestEvent e, int kind) => listener.On(e, kind);

        public void DispatchSpan(ReadOnlySpan<ITestListener> listeners, TestEvent e, int kind, ref int next)
        {
            next = listeners.Length;
            throw new NotSupportedException("broken on purpose");
        }
    }

    // Timers off: a timed post calls listeners one at a time, and only an untimed one goes through DispatchSpan.
    private sealed class BrokenSpanBus() : ListenerBus<ITestListener, TestEvent>(
        new BusOptions { ListenerTimers = false }, DispatcherBinding<ITestListener, TestEvent>.OfSpanDispatcher<BrokenSpanDispatcher>());

    private sealed class CountingOnlyListener : ITestListener
    {
        private long _count;

        public void On(TestEvent e, int kind) => Interlocked.Increment(ref _count);
    }
}
