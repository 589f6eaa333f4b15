using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using GeneratedBus.Runtime.Tests.Support;

namespace GeneratedBus.Runtime.Tests.Queues;

/// <summary>
/// The waiting protocol on its own, over a real <see cref="BoundedRing{T}"/>: the test thread plays the consumer,
/// and every wait for a producer is bounded, so a lost wake-up fails instead of hanging.
/// </summary>
[Collection(GlobalMeterCollection.Name)]
public class WaitingProducersTests
{
    [Fact]
    public void A_wait_that_finds_room_returns_at_once_without_parking()
    {
        var ring = new BoundedRing<object>(1);
        var producers = NewProducers();
        var offer = new RingOffer(ring, "e");

        Assert.Equal(EnqueueResult.Accepted, producers.Wait(ref offer));
        Assert.Equal(1, producers.Waits);
        Assert.Equal(0, producers.Dropped);
        Assert.Equal(0, producers.ParkedCount);
        Assert.Equal(1, ring.Size);
    }

    [Fact]
    public void A_full_queue_parks_the_producer_until_the_consumer_frees_a_slot()
    {
        var ring = Full(capacity: 1);
        var producers = NewProducers(spins: 0);
        EnqueueResult result = EnqueueResult.Full;
        Workers producer = Workers.Start(1, _ => result = Post(producers, ring, "second"), "producer");

        Eventually.True(() => producers.ParkedCount == 1, "the producer parked");
        Assert.True(producer.IsAnyAlive, "the producer returned from a full queue");
        Assert.Equal(1, ring.Size);

        Assert.Equal(new object[] { "first" }, TakeAll(ring, producers));
        producer.Join("producer");
        Assert.Equal(EnqueueResult.Accepted, result);
        Assert.Equal(new object[] { "second" }, TakeAll(ring, producers));
        Assert.Equal(0, producers.Dropped);
        Assert.Equal(0, producers.ParkedCount);
        Assert.True(producers.WaitTime > TimeSpan.Zero);
    }

    [Fact]
    public void One_producer_waiting_again_and_again_keeps_its_order_and_loses_nothing()
    {
        var ring = new BoundedRing<object>(2);
        var producers = NewProducers(spins: 1);
        const int Count = 2000;
        Workers producer = Workers.Start(1, _ =>
        {
            for (int i = 0; i < Count; i++)
            {
                Assert.Equal(EnqueueResult.Accepted, Post(producers, ring, i));
            }
        }, "producer");

        var taken = new List<object>();
        var random = new Random(7);
        var deadline = DateTime.UtcNow + Workers.HangBound;
        while (taken.Count < Count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"only {taken.Count} of {Count} events arrived: lost wake-up?");
            Thread.SpinWait(random.Next(0, 3000));
            taken.AddRange(TakeAll(ring, producers));
        }

        producer.Join("producer");
        Assert.Equal(Count, taken.Count);
        for (int i = 0; i < Count; i++)
        {
            Assert.Equal(i, taken[i]);
        }

        Assert.Equal(0, producers.Dropped);
        Assert.True(producers.Waits > 0, "the producer never found the queue full");
    }

    [Fact]
    public void OnFreed_allocates_nothing_and_wakes_nobody_while_no_producer_waits()
    {
        var ring = new BoundedRing<object>(4);
        var producers = NewProducers();
        producers.OnFreed();

        // A round may pay for one-time work (the loop's tier-up, on-stack replacement); a cost per call would show in
        // every round of a million.
        long allocated = long.MaxValue;
        for (int round = 0; round < 5 && allocated != 0; round++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 1_000_000; i++)
            {
                producers.OnFreed();
            }

            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        }

        Assert.Equal(0, allocated);

        // Still in working order.
        var offer = new RingOffer(ring, "e");
        Assert.Equal(EnqueueResult.Accepted, producers.Wait(ref offer));
    }

    [Fact]
    public void ReleaseAll_ends_every_parked_wait_blocking_or_async_and_has_counted_each_when_it_returns()
    {
        var ring = Full(capacity: 1);
        var producers = NewProducers(spins: 0);
        var results = new ConcurrentQueue<EnqueueResult>();
        Workers blocking = Workers.Start(2, i => results.Enqueue(Post(producers, ring, i)), "producer");
        ValueTask<EnqueueResult> pending = producers.WaitAsync(new RingOffer(ring, "async"));
        Eventually.True(() => producers.ParkedCount == 3, "three producers parked");

        ring.Close();
        int released = producers.ReleaseAll();

        Assert.Equal(3, released);
        Assert.Equal(3, producers.Dropped);
        Assert.Equal(EnqueueResult.Full, Completion.Of(pending, "the released async wait"));
        blocking.Join("producers");
        Assert.Equal(new[] { EnqueueResult.Full, EnqueueResult.Full }, results);
        Assert.Equal(0, producers.ParkedCount);

        // A later wait (its offer found the queue full before the close) ends at once, counted: Stop waits for the
        // posts under way, so the counters are final once it returns.
        var late = new RingOffer(ring, "late");
        Assert.Equal(EnqueueResult.Closed, producers.Wait(ref late));
        Assert.Equal(4, producers.Dropped);
        Assert.Equal(4, producers.Waits);
        Assert.True(producers.IsReleased);
    }

    [Fact]
    public void After_ReleaseAll_a_wait_never_parks_it_places_its_event_if_there_is_room_else_drops_and_counts_it()
    {
        var ring = Full(capacity: 1);
        var producers = NewProducers();
        Assert.Equal(0, producers.ReleaseAll());

        var offer = new RingOffer(ring, "e");
        Assert.Equal(EnqueueResult.Full, producers.Wait(ref offer));
        Assert.Equal(EnqueueResult.Full, Completion.Synchronous(producers.WaitAsync(offer), "a wait after ReleaseAll"));
        Assert.Equal((2L, 2L, 0), (producers.Waits, producers.Dropped, producers.ParkedCount));

        // Stop ends the waits before it closes the ring: a post still under way places its event if there is room.
        Assert.Single(TakeAll(ring, producers));
        Assert.Equal(EnqueueResult.Accepted, producers.Wait(ref offer));
        Assert.Equal((3L, 2L), (producers.Waits, producers.Dropped));
        Assert.Equal(0, producers.ReleaseAll());
    }

    [Fact]
    public void Cancelling_a_blocking_wait_ends_it_with_the_drop_counted_and_nothing_left_parked()
    {
        var ring = Full(capacity: 1);
        var producers = NewProducers(spins: 0);
        using var cancel = new CancellationTokenSource();
        EnqueueResult result = EnqueueResult.Accepted;
        Workers producer = Workers.Start(1, _ =>
        {
            var offer = new RingOffer(ring, "e");
            result = producers.Wait(ref offer, cancel.Token);
        }, "producer");
        Eventually.True(() => producers.ParkedCount == 1, "the producer parked");

        cancel.Cancel();
        producer.Join("producer");

        Assert.Equal(EnqueueResult.Full, result);
        Assert.Equal(1, producers.Dropped);
        Assert.Equal(0, producers.ParkedCount);
        AssertStillWakes(ring, producers);
    }

    [Fact]
    public void Cancelling_an_async_wait_ends_it_with_the_drop_counted_and_an_already_cancelled_one_ends_synchronously()
    {
        var ring = Full(capacity: 1);
        var producers = NewProducers(spins: 0);
        using var cancel = new CancellationTokenSource();
        ValueTask<EnqueueResult> pending = producers.WaitAsync(new RingOffer(ring, "e"), cancel.Token);
        Eventually.True(() => producers.ParkedCount == 1, "the wait parked");
        Assert.False(pending.IsCompleted);

        cancel.Cancel();
        Assert.Equal(EnqueueResult.Full, Completion.Of(pending, "the cancelled async wait"));
        Assert.Equal(1, producers.Dropped);
        Assert.Equal(0, producers.ParkedCount);

        ValueTask<EnqueueResult> cancelled = producers.WaitAsync(new RingOffer(ring, "e"), cancel.Token);
        Assert.Equal(EnqueueResult.Full, Completion.Synchronous(cancelled, "a wait with a cancelled token"));
        Assert.Equal(2, producers.Dropped);
        AssertStillWakes(ring, producers);
    }

    [Fact]
    public void WaitAsync_completes_synchronously_and_allocates_nothing_when_there_is_room()
    {
        var ring = new BoundedRing<object>(1 << 16);
        var producers = NewProducers();
        var offer = new RingOffer(ring, "e");

        // Steady state: the first rounds may allocate while the JIT tiers up; a wait that allocates would every round.
        // Nothing in the measured loop may allocate but the waits: no assertion there, only a count.
        long allocated = long.MaxValue;
        int notAccepted = 0;
        for (int round = 0; round < 10 && allocated != 0; round++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 1000; i++)
            {
                notAccepted += AcceptedSynchronously(producers.WaitAsync(offer)) ? 0 : 1;
            }

            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            TakeAll(ring, producers);
        }

        Assert.Equal(0, notAccepted);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void A_parked_async_wait_resumes_on_the_pool_not_on_the_thread_that_freed_the_slot()
    {
        var ring = Full(capacity: 1);
        var producers = NewProducers(spins: 0);
        Task<(EnqueueResult Result, int Thread)> resumed = ResumedOn(producers.WaitAsync(new RingOffer(ring, "e")));
        Eventually.True(() => producers.ParkedCount == 1, "the wait parked");

        int consumer = 0;
        Workers.Run(() =>
        {
            consumer = Environment.CurrentManagedThreadId;
            TakeAll(ring, producers);
        }, "consumer");

        (EnqueueResult result, int thread) = Completion.Of(resumed, "the parked async wait");
        Assert.Equal(EnqueueResult.Accepted, result);
        Assert.NotEqual(consumer, thread);
    }

    [Fact]
    public void An_interrupted_blocking_wait_throws_counts_its_drop_and_leaves_the_other_waits_intact()
    {
        var ring = Full(capacity: 1);
        var producers = NewProducers(spins: 0);
        Exception? thrown = null;
        var interrupted = new Thread(() =>
        {
            try
            {
                Post(producers, ring, "interrupted");
            }
            catch (Exception ex)
            {
                thrown = ex;
            }
        }) { IsBackground = true };
        interrupted.Start();
        EnqueueResult other = EnqueueResult.Full;
        Eventually.True(() => producers.ParkedCount == 1, "the first producer parked");
        Workers patient = Workers.Start(1, _ => other = Post(producers, ring, "patient"), "patient");
        Eventually.True(() => producers.ParkedCount == 2, "both producers parked");

        interrupted.Interrupt();
        Assert.True(interrupted.Join(Workers.HangBound), "the interrupted producer did not return");
        Assert.IsType<ThreadInterruptedException>(thrown);
        Assert.Equal(1, producers.Dropped);
        Assert.Equal(1, producers.ParkedCount);

        Assert.Equal(new object[] { "first" }, TakeAll(ring, producers));
        patient.Join("patient");
        Assert.Equal(EnqueueResult.Accepted, other);
        Assert.Equal(new object[] { "patient" }, TakeAll(ring, producers));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_consumer_and_Stop_keep_a_pending_interrupt_when_their_entry_into_the_gate_is_contended(bool release)
    {
        var ring = Full(capacity: 1);
        var producers = NewProducers(spins: 0);
        EnqueueResult result = EnqueueResult.Closed;
        Workers producer = Workers.Start(1, _ => result = Post(producers, ring, "second"), "producer");
        Eventually.True(() => producers.ParkedCount == 1, "the producer parked");

        bool stillPending = false;
        Thread consumer;
        Monitor.Enter(producers.Gate);
        try
        {
            // A listener left an interrupt pending on the dispatch thread; the gate is busy when it frees a slot.
            consumer = new Thread(() =>
            {
                Thread.CurrentThread.Interrupt();
                if (release)
                {
                    ring.Close();
                    producers.ReleaseAll();
                }
                else
                {
                    TakeAll(ring, producers);
                }

                try
                {
                    Thread.Sleep(0);
                }
                catch (ThreadInterruptedException)
                {
                    stillPending = true;
                }
            }) { IsBackground = true };
            consumer.Start();
            Eventually.True(() => (consumer.ThreadState & ThreadState.WaitSleepJoin) != 0, "the consumer blocked on the gate");
        }
        finally
        {
            Monitor.Exit(producers.Gate);
        }

        Assert.True(consumer.Join(Workers.HangBound), "the consumer did not return");
        producer.Join("producer");
        Assert.True(stillPending, "the interrupt was lost");
        Assert.Equal(release ? EnqueueResult.Full : EnqueueResult.Accepted, result);
    }

    [Fact]
    public void A_dispatch_thread_is_refused_before_it_can_wait()
    {
        var ring = Full(capacity: 1);
        var producers = NewProducers();
        Exception? thrown = Workers.Catch(() =>
        {
            ConsumerThread.Owner = new object();
            Post(producers, ring, "e");
        }, "dispatch thread");

        Assert.IsType<InvalidOperationException>(thrown);
        Assert.Equal(0, producers.Waits);
        Assert.Equal(0, producers.Dropped);
    }

    [Fact]
    public void Each_wait_is_counted_and_timed_in_the_metrics_with_bus_and_queue_tags()
    {
        string bus = "waits-" + Guid.NewGuid().ToString("N");
        using var recorder = new MetricRecorder(bus);
        var ring = Full(capacity: 1);
        var producers = new WaitingProducers(bus, "q", TimeProvider.System, spins: 0);
        Workers producer = Workers.Start(1, _ => Post(producers, ring, "second"), "producer");
        Eventually.True(() => producers.ParkedCount == 1, "the producer parked");

        // Counted when the wait begins: a producer stuck behind a hung listener shows.
        Assert.Equal(1, Assert.Single(recorder.Of(BusMetricNames.ProducerWaits, "q")).Value);
        Assert.Empty(recorder.Of(BusMetricNames.ProducerWaitDuration));
        TakeAll(ring, producers);
        producer.Join("producer");

        Assert.Single(recorder.Of(BusMetricNames.ProducerWaits));
        double seconds = Assert.Single(recorder.Of(BusMetricNames.ProducerWaitDuration, "q")).Value;
        Assert.True(seconds > 0, "a parked wait took no time");
        Assert.Equal(producers.WaitTime.TotalSeconds, seconds, tolerance: 1e-6);
    }

    private static bool AcceptedSynchronously(ValueTask<EnqueueResult> wait) =>
        wait.IsCompletedSuccessfully && wait.Result == EnqueueResult.Accepted;

    /// <summary>The wait's result and the thread that completed it: a continuation that runs inline where it completes.</summary>
    private static Task<(EnqueueResult Result, int Thread)> ResumedOn(ValueTask<EnqueueResult> wait) =>
        wait.AsTask().ContinueWith(
            t => (t.Result, Environment.CurrentManagedThreadId),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);

    internal static WaitingProducers NewProducers(int? spins = null) =>
        new("bus", "queue", TimeProvider.System, spins);

    /// <summary>A ring of <paramref name="capacity"/> holding that many events, the first one "first".</summary>
    private static BoundedRing<object> Full(int capacity)
    {
        var ring = new BoundedRing<object>(capacity);
        for (int i = 0; i < capacity; i++)
        {
            Assert.Equal(EnqueueResult.Accepted, ring.TryEnqueue(i == 0 ? "first" : i, 0));
        }

        return ring;
    }

    /// <summary>What a Wait queue's producer does: offer, and wait only if full.</summary>
    internal static EnqueueResult Post(WaitingProducers producers, BoundedRing<object> ring, object item)
    {
        var offer = new RingOffer(ring, item);
        EnqueueResult result = offer.TryOffer();
        return result == EnqueueResult.Full ? producers.Wait(ref offer) : result;
    }

    /// <summary>What the consumer does per batch: take what is there, then tell the producers.</summary>
    internal static List<object> TakeAll(BoundedRing<object> ring, WaitingProducers producers)
    {
        var taken = new List<object>();
        for (long head = ring.Head, tail = ring.Tail; head < tail; head++)
        {
            taken.Add(ring.Take(head, out _));
        }

        producers.OnFreed();
        return taken;
    }

    /// <summary>A full ring still parks and wakes a producer: nothing was left behind.</summary>
    private static void AssertStillWakes(BoundedRing<object> ring, WaitingProducers producers)
    {
        long dropped = producers.Dropped;
        Workers producer = Workers.Start(1, _ => Assert.Equal(EnqueueResult.Accepted, Post(producers, ring, "later")), "later producer");
        Eventually.True(() => producers.ParkedCount == 1, "the later producer parked");
        TakeAll(ring, producers);
        producer.Join("later producer");
        Assert.Equal(dropped, producers.Dropped);
    }
}

/// <summary>The offer a Wait queue retries: its ring's TryEnqueue.</summary>
internal readonly struct RingOffer(BoundedRing<object> ring, object item) : IOffer
{
    public EnqueueResult TryOffer() => ring.TryEnqueue(item, 0);

    public EnqueueResult TryOfferBeforePark() => TryOffer();
}
