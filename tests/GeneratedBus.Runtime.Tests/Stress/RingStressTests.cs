using System;
using System.Linq;
using System.Threading;
using GeneratedBus.Runtime.Tests.Support;

namespace GeneratedBus.Runtime.Tests.StressTests;

/// <summary>
/// The bounded MPSC ring under many producers: nothing lost, nothing twice, each producer's order kept, and the bound
/// exact. Positions are 64-bit and only grow (no counter wraps in practice); the seam that wraps is the slot index,
/// position modulo <see cref="BoundedRing{T}.SlotCount"/>, which these tests cross many times and start exactly at.
/// </summary>
[Trait("Category", "Stress")]
[Collection(StressCollection.Name)]
public class RingStressTests
{
    private const int Producers = 3;

    /// <summary>
    /// The capacities, plus 32 and 4064: their slot arrays are exactly capacity + ClearLag (64 and 4096), the
    /// tightest case, where a producer reuses the very slot the consumer cleared last.
    /// </summary>
    /// <remarks>
    /// The second value is the segment size, 0 for the default (one segment at these sizes); the rows with small
    /// segments take the segmented paths: segments installed by racing producers, released by the consumer and
    /// reinstalled from the spare. 4064 with segments of 32 is the tightest: exactly one segment lies outside the
    /// window of claimable positions, and it is released the moment the consumer leaves it.
    /// </remarks>
    public static TheoryData<int, int> Capacities => new()
    {
        { 1, 0 }, { 2, 0 }, { 3, 0 }, { 32, 0 }, { 1024, 0 }, { 4064, 0 }, { 4096, 0 },
        { 1, 32 }, { 3, 16 }, { 100, 16 }, { 1000, 64 }, { 4064, 32 },
    };

    [Theory]
    [MemberData(nameof(Capacities))]
    public void Many_producers_one_consumer_lose_nothing_duplicate_nothing_keep_order_and_never_exceed_capacity(int capacity, int segmentSize)
    {
        // Small rings hand over nearly every item between threads; on two cores that costs context switches, not work.
        int perProducer = Stress.Scale(capacity <= 3 ? 5_000 : capacity <= 32 ? 20_000 : 100_000);
        var ring = new BoundedRing<Item>(capacity, segmentSize);
        Workers producers = Workers.Start(Producers, p =>
        {
            for (int i = 0; i < perProducer; i++)
            {
                var item = new Item(p, i);
                var spin = default(SpinWait);
                while (ring.TryEnqueue(item, p) == EnqueueResult.Full)
                {
                    // Spin briefly, then yield: on two cores the consumer may need this one.
                    spin.SpinOnce(sleep1Threshold: -1);
                }
            }
        }, "ring-producer");

        // The consumer is this thread, and it owns head: tail - head read here is the exact number waiting.
        var next = new int[Producers];
        long head = 0;
        long total = (long)Producers * perProducer;
        var deadline = DateTime.UtcNow + Workers.HangBound;
        var idle = default(SpinWait);
        while (head < total)
        {
            // A producer that crashed would leave the consumer waiting for items that never come: fail with its exception.
            Assert.True(producers.Failures.IsEmpty, $"a producer failed: {string.Join(Environment.NewLine, producers.Failures)}");
            Assert.True(DateTime.UtcNow < deadline, $"consumer stalled at {head}");
            long tail = ring.Tail;
            if (tail == head)
            {
                // Nothing yet: back off, so a producer that was descheduled mid-claim gets the core.
                idle.SpinOnce(sleep1Threshold: -1);
                continue;
            }

            Assert.True(tail - head <= capacity, $"{tail - head} waiting, capacity {capacity}");
            for (; head < tail; head++)
            {
                Item item = ring.Take(head, out int kind);
                Assert.Equal(item.Producer, kind);
                Assert.Equal(next[item.Producer], item.Sequence);
                next[item.Producer]++;
            }
        }

        producers.Join("producers");
        Assert.All(next, n => Assert.Equal(perProducer, n));
        Assert.Equal(total, ring.Tail);
        Assert.Equal(0, ring.Size);
    }

    [Theory]
    [MemberData(nameof(Capacities))]
    public void Full_is_refused_exactly_at_capacity_with_fills_that_end_and_start_at_the_slot_wrap(int capacity, int segmentSize)
    {
        var ring = new BoundedRing<Item>(capacity, segmentSize);

        // Walk both ends single-threaded to SlotCount - capacity: the first full fill then ends exactly on the last
        // slot, and (drained completely) the next one starts exactly on slot 0.
        long start = ring.SlotCount - capacity;
        for (long i = 0; i < start; i++)
        {
            Assert.Equal(EnqueueResult.Accepted, ring.TryEnqueue(new Item(-1, 0), 0));
            ring.Take(i, out _);
        }

        int rounds = Stress.Scale(capacity >= 1024 ? 40 : 400);
        TimeSpan barrierBound = TimeSpan.FromSeconds(60);
        using var fill = new Barrier(Producers + 1);
        using var filled = new Barrier(Producers + 1);
        var claimed = new int[Producers];
        var wrongFull = new long[Producers];
        Workers producers = Workers.Start(Producers, p =>
        {
            for (int round = 0; round < rounds; round++)
            {
                if (!fill.SignalAndWait(barrierBound))
                {
                    throw new TimeoutException("fill barrier");
                }

                // The consumer is paused: claim until refused. A refusal must mean exactly capacity items wait.
                while (ring.TryEnqueue(new Item(p, claimed[p]), p) == EnqueueResult.Accepted)
                {
                    claimed[p]++;
                }

                if (ring.Size != capacity)
                {
                    wrongFull[p]++;
                }

                if (!filled.SignalAndWait(barrierBound))
                {
                    throw new TimeoutException("filled barrier");
                }
            }
        }, "ring-producer");

        var random = new Random(capacity);
        var taken = new int[Producers];
        for (int round = 0; round < rounds; round++)
        {
            Assert.True(fill.SignalAndWait(barrierBound), "producers did not reach the fill");
            Assert.True(filled.SignalAndWait(barrierBound), "producers did not finish the fill");
            Assert.Equal(capacity, ring.Size);
            Assert.Equal(start + claimed.Sum(), ring.Tail);
            Assert.Equal(EnqueueResult.Full, ring.TryEnqueue(new Item(-1, 0), 0));

            // Drain all (so the next fill starts where this one ended) or part (so fills start anywhere).
            int take = round % 2 == 0 ? capacity : random.Next(1, capacity + 1);
            for (int i = 0; i < take; i++)
            {
                Item item = ring.Take(ring.Head, out int kind);
                Assert.Equal(item.Producer, kind);
                Assert.Equal(taken[item.Producer], item.Sequence);
                taken[item.Producer]++;
            }
        }

        producers.Join("producers");
        Assert.All(wrongFull, n => Assert.Equal(0, n));

        // Every claim is taken once, in order, and nothing else was ever in the ring.
        while (ring.Size > 0)
        {
            Item item = ring.Take(ring.Head, out _);
            Assert.Equal(taken[item.Producer], item.Sequence);
            taken[item.Producer]++;
        }

        Assert.Equal(claimed, taken);
        Assert.Equal(start + claimed.Sum(), ring.Tail);
        Assert.True(ring.Tail >= ring.SlotCount * 2L, "the fills never crossed the slot wrap twice");
    }

    [Fact]
    public void Close_racing_with_claims_publishes_every_claim_made_before_it_in_order()
    {
        for (int round = 0; round < Stress.Scale(50); round++)
        {
            var ring = new BoundedRing<Item>(1 << 16);
            var acceptedPer = new int[2];
            Workers producers = Workers.Start(2, p =>
            {
                int i = 0;
                while (ring.TryEnqueue(new Item(p, i), p) == EnqueueResult.Accepted)
                {
                    i++;
                }

                acceptedPer[p] = i;
            }, "ring-producer");
            Thread.SpinWait(1000 * (round % 10));
            Assert.True(ring.Close());
            producers.Join("producers");

            long tail = ring.Tail;
            Assert.Equal(acceptedPer.Sum(), tail);
            var next = new int[2];
            for (long h = 0; h < tail; h++)
            {
                Item item = ring.Take(h, out _);
                Assert.Equal(next[item.Producer]++, item.Sequence);
            }

            Assert.Equal(acceptedPer, next);
        }
    }

    private sealed record Item(int Producer, int Sequence);
}
