using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GeneratedBus.Runtime.Tests.Support;

namespace GeneratedBus.Runtime.Tests.Bus;

/// <summary>
/// Stop racing a post, placed exactly: a producer is held at a chosen point of its post (a lock its first count
/// must take, or a park in a full Wait queue) while Stop begins. Whatever the post counts, it counts before Stop
/// returns; and every post counted in <see cref="BusStats.EventsPosted"/> is in every queue's <c>Posted</c>
/// (issue 16, defect 5).
/// </summary>
public class StopRacingPostsTests
{
    /// <summary>How long a Stop that must wait for a held post is given to return wrongly before the post is let go.</summary>
    private static readonly TimeSpan WrongReturnWindow = TimeSpan.FromMilliseconds(300);

    [Fact]
    public void A_drop_that_a_post_under_way_counts_while_Stop_begins_is_counted_before_Stop_returns()
    {
        var options = TestOptions.Create(capacity: 1);
        options.ExitTimeout = Timeout.InfiniteTimeSpan;
        using var bus = new TestBus(options);
        using BlockingListener blocking = BlockingListener.StartBlocked(bus, "q");
        bus.Post(new Ping(1));

        // The producer's offer finds the queue full; its first drop on the queue then waits for this lock.
        object gate = bus.Queue("q").Accounting.RefusedCounterGate;
        Workers producer;
        Stopper stopper;
        bool returnedEarly;
        Monitor.Enter(gate);
        try
        {
            producer = Workers.Start(1, _ => bus.Post(new Ping(2)), "producer");
            Eventually.True(() => producer.AllWaiting, "the producer waits to count its drop");
            blocking.Release();
            stopper = new Stopper(bus);
            Eventually.True(() => bus.IsStopping, "Stop began");
            returnedEarly = stopper.ReturnsWithin(WrongReturnWindow);
        }
        finally
        {
            Monitor.Exit(gate);
        }

        producer.Join("producer");
        BusStats atStop = stopper.Join();
        Assert.False(returnedEarly, "Stop returned while a post that began before it had still to count its drop");
        AssertSame(atStop, bus.GetStats());
        Assert.Equal(new QueueStats("q", 1, 0, 3, 2, 1), atStop.Queues["q"]);
        Assert.Equal(3, atStop.EventsPosted);
    }

    [Fact]
    public void A_post_stalled_at_its_start_while_Stop_runs_is_wholly_in_the_counters_or_wholly_out()
    {
        using var bus = new TestBus(TestOptions.Create(capacity: 16));
        var listener = new CollectingListener();
        bus.AddToQueue(listener, "q");
        bus.Start();

        // The producer's first post to this bus waits for this lock before it is counted.
        Workers producer;
        BusStats atStop;
        Monitor.Enter(bus.PostedCounterGate);
        try
        {
            producer = Workers.Start(1, _ => bus.Post(new Ping(1)), "producer");
            Eventually.True(() => producer.AllWaiting, "the producer waits at its first count");

            // Either Stop waits for the post, which needs this lock, or it returns first: give it the window to.
            var stopper = new Stopper(bus);
            stopper.ReturnsWithin(WrongReturnWindow);
            Monitor.Exit(bus.PostedCounterGate);
            atStop = stopper.Join();
        }
        finally
        {
            if (Monitor.IsEntered(bus.PostedCounterGate))
            {
                Monitor.Exit(bus.PostedCounterGate);
            }
        }

        producer.Join("producer");
        BusStats after = bus.GetStats();
        AssertSame(atStop, after);
        Assert.Equal(after.EventsPosted, after.Queues["q"].Posted);
        Assert.Equal(after.Queues["q"].Processed, listener.Count);
    }

    [Fact]
    public void A_post_released_from_one_full_Wait_queue_drops_and_counts_in_the_next_before_Stop_returns()
    {
        using var bus = new TestBus(WaitOptions());
        using BlockingListener a = new(), b = new();
        StartFull(bus, a, b);

        // Full everywhere: the post waits on a, with b marked to wait on next.
        Workers producer = Workers.Start(1, _ => bus.Post(new Ping(2)), "producer");
        Eventually.True(() => bus.Queue("a").Waiting!.ParkedCount == 1, "the producer parks on a");

        StopAndAssertCountedInBoth(bus, a, b, () => producer.Join("producer released by Stop"));
    }

    [Fact]
    public void A_PostAsync_released_from_one_full_Wait_queue_drops_and_counts_in_the_next_before_Stop_returns()
    {
        using var bus = new TestBus(WaitOptions());
        using BlockingListener a = new(), b = new();
        StartFull(bus, a, b);

        ValueTask pending = bus.PostAsync(new Ping(2));
        Eventually.True(() => bus.Queue("a").Waiting!.ParkedCount == 1, "the post parks on a");

        StopAndAssertCountedInBoth(bus, a, b, () => Completion.Of(pending.AsTask(), "the PostAsync released by Stop"));
    }

    /// <summary>
    /// Stops the bus, whose post of event 2 waits on a full a with a full b to come; once <paramref name="released"/>
    /// (the post ended, released by Stop) lets the listeners go, and checks that both queues counted the post's drop
    /// before Stop returned.
    /// </summary>
    private static void StopAndAssertCountedInBoth(TestBus bus, BlockingListener a, BlockingListener b, Action released)
    {
        var stopper = new Stopper(bus);
        released();
        a.Release();
        b.Release();
        BusStats atStop = stopper.Join();

        AssertSame(atStop, bus.GetStats());
        Assert.Equal(3, atStop.EventsPosted);
        Assert.Equal(new QueueStats("a", 1, 0, 3, 2, 1), atStop.Queues["a"]);
        Assert.Equal(new QueueStats("b", 1, 0, 3, 2, 1), atStop.Queues["b"]);
    }

    private static BusOptions WaitOptions()
    {
        var options = TestOptions.Create(capacity: 1);
        options.QueueFullMode = QueueFullMode.Wait;
        return options;
    }

    /// <summary>Queues a and b, each held by its blocking listener with event 0 in flight and event 1 waiting: full.</summary>
    private static void StartFull(TestBus bus, BlockingListener a, BlockingListener b)
    {
        bus.AddToQueue(a, "a");
        bus.AddToQueue(b, "b");
        bus.Start();
        bus.Post(new Ping(0));
        a.WaitUntilEntered();
        b.WaitUntilEntered();
        bus.Post(new Ping(1));
    }

    /// <summary>Stop on a thread of its own, which reads the stats the moment Stop returns.</summary>
    private sealed class Stopper
    {
        private readonly Workers _thread;
        private BusStats? _atStop;

        public Stopper(TestBus bus) => _thread = Workers.Start(1, _ =>
        {
            bus.Stop();
            _atStop = bus.GetStats();
        }, "Stop");

        /// <summary>Whether Stop returns within <paramref name="window"/>.</summary>
        public bool ReturnsWithin(TimeSpan window) => SpinWait.SpinUntil(() => !_thread.IsAnyAlive, window);

        /// <summary>The stats as Stop returned, once it has.</summary>
        public BusStats Join()
        {
            _thread.Join("Stop");
            return _atStop!;
        }
    }

    private static void AssertSame(BusStats atStop, BusStats after)
    {
        Assert.Equal(atStop.EventsPosted, after.EventsPosted);
        Assert.Equal(atStop.Queues.Values.OrderBy(q => q.Name, StringComparer.Ordinal), after.Queues.Values.OrderBy(q => q.Name, StringComparer.Ordinal));
    }
}
