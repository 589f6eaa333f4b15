using System;
using GeneratedBus.Runtime.Tests.Support;

namespace GeneratedBus.Runtime.Tests.Queues;

/// <summary>
/// The ring's memory grows with use (issue 14, point 4): segments are allocated as positions reach them and released
/// as the consumer leaves them, while the bound stays exact and the order kept. Many producers: RingStressTests.
/// </summary>
public class SegmentedRingTests
{
    private sealed record Item(int Producer, int Sequence);

    [Theory]
    [InlineData(10, 64, 64, true)]
    [InlineData(10_000, 16_384, 16_384, false)]
    [InlineData(1_000_000, 1 << 20, 32_768, true)]
    [InlineData(10_000_000, 1 << 24, 65_536, true)]
    [InlineData(BoundedRing<object>.MaxCapacity, 1 << 30, 65_536, false)]
    public void Small_rings_are_one_segment_and_large_ones_are_cut_in_segments_of_at_most_64_Ki_slots(int capacity, int slots, int segmentSize, bool cut)
    {
        Assert.Equal(segmentSize, BoundedRing<object>.SegmentSizeFor(capacity, slots));
        if (capacity <= 10_000_000)
        {
            var ring = new BoundedRing<object>(capacity);
            Assert.Equal(slots, ring.SlotCount);
            Assert.Equal(segmentSize, ring.SegmentSize);

            // Cut in segments it can release: all but the one-segment rings, and the one whose capacity fills its slots.
            Assert.Equal(cut && slots > segmentSize, ring.ReleasesSegments);
        }
    }

    [Fact]
    public void A_ring_allocates_segments_as_it_fills_and_releases_them_as_it_drains_keeping_order_and_the_exact_bound()
    {
        // 256 slots in 16 segments of 16; 156 slots lie outside the window of claimable positions.
        var ring = new BoundedRing<Item>(100, segmentSize: 16);
        Assert.True(ring.ReleasesSegments);
        Assert.Equal(0, ring.AllocatedSegments);

        long next = 0, head = 0;
        for (int round = 0; round < 20; round++)
        {
            // Fill to exactly the capacity: the 101st is refused.
            while (ring.TryEnqueue(new Item(0, (int)next), 0) == EnqueueResult.Accepted)
            {
                next++;
            }

            Assert.Equal(100, ring.Size);
            Assert.InRange(ring.AllocatedSegments, 7, 8);

            // Drain: each segment left behind is released; the one head is in stays.
            while (head < next)
            {
                Assert.Equal((int)head, ring.Take(head, out _).Sequence);
                head++;
            }

            // The segment head is in, or none when head is exactly at a segment's start.
            Assert.InRange(ring.AllocatedSegments, 0, 1);
        }

        Assert.Equal(2_000, ring.Tail);
    }

    [Fact]
    public void A_ring_whose_capacity_fills_its_slots_grows_by_segments_but_keeps_them()
    {
        // 128 slots, capacity 96: only 32 slots lie outside the claimable window, less than a segment of 64.
        var ring = new BoundedRing<Item>(96, segmentSize: 64);
        Assert.False(ring.ReleasesSegments);
        Assert.Equal(EnqueueResult.Accepted, ring.TryEnqueue(new Item(0, 0), 0));
        Assert.Equal(1, ring.AllocatedSegments);

        for (long position = 0; position < 500; position++)
        {
            Assert.Equal((int)position, ring.Take(position, out _).Sequence);
            Assert.Equal(EnqueueResult.Accepted, ring.TryEnqueue(new Item(0, (int)position + 1), 0));
        }

        Assert.Equal(2, ring.AllocatedSegments);
    }

    [Fact]
    public void A_started_queue_of_capacity_10_M_holding_100_events_takes_a_few_MiB_not_the_384_MiB_of_its_capacity()
    {
        long before = GC.GetTotalMemory(forceFullCollection: true);
        using var bus = new TestBus(TestOptions.Create(capacity: 10_000_000));
        using BlockingListener blocking = BlockingListener.StartBlocked(bus);
        for (int i = 1; i < 100; i++)
        {
            bus.Post(new Ping(i));
        }

        long after = GC.GetTotalMemory(forceFullCollection: true);
        long used = after - before;

        Assert.Equal(99, bus.GetStats().Queues[TestBus.SharedQueue].Size);

        // One segment of 64 Ki slots (1.5 MiB) and the segment table; the whole slot array would be 384 MiB.
        Assert.True(used < 8L << 20, $"the bus took {used / (1 << 20)} MiB");
        blocking.Release();
        GC.KeepAlive(bus);
    }
}
