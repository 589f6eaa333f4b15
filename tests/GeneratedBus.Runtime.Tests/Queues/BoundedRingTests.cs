using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using GeneratedBus.Runtime.Tests.Support;

namespace GeneratedBus.Runtime.Tests.Queues;

public class BoundedRingTests
{
    private sealed record Item(int Producer, int Sequence);

    [Theory]
    [InlineData(1, 64)]
    [InlineData(2, 64)]
    [InlineData(3, 64)]
    [InlineData(33, 128)]
    [InlineData(1000, 2048)]
    public void The_bound_is_exact_though_slots_round_up(int capacity, int slots)
    {
        var ring = new BoundedRing<Item>(capacity);
        Assert.Equal(slots, ring.SlotCount);
        for (int i = 0; i < capacity; i++)
        {
            Assert.Equal(EnqueueResult.Accepted, ring.TryEnqueue(new Item(0, i), i));
        }

        Assert.Equal(EnqueueResult.Full, ring.TryEnqueue(new Item(0, -1), 0));
        Assert.Equal(capacity, ring.Size);

        Item first = ring.Take(0, out int kind);
        Assert.Equal(new Item(0, 0), first);
        Assert.Equal(0, kind);
        Assert.Equal(capacity - 1, ring.Size);
        Assert.Equal(EnqueueResult.Accepted, ring.TryEnqueue(new Item(0, capacity), 7));
        Assert.Equal(EnqueueResult.Full, ring.TryEnqueue(new Item(0, -1), 0));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(BoundedRing<object>.MaxCapacity + 1)]
    public void Capacity_out_of_range_is_refused(int capacity) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new BoundedRing<Item>(capacity));

    [Fact]
    public void Items_and_kinds_come_out_in_order_across_many_wraps()
    {
        var ring = new BoundedRing<Item>(3);
        int taken = 0;
        for (int i = 0; i < 1000; i++)
        {
            Assert.Equal(EnqueueResult.Accepted, ring.TryEnqueue(new Item(0, i), i * 2));
            if (i % 3 == 2)
            {
                while (taken <= i)
                {
                    Assert.Equal(new Item(0, taken), ring.Take(taken, out int kind));
                    Assert.Equal(taken * 2, kind);
                    taken++;
                }
            }
        }

        Assert.Equal(1000, ring.Head + ring.Size);
    }

    [Fact]
    public void Taken_items_are_released_lazily_and_all_of_them_by_ClearTaken()
    {
        var ring = new BoundedRing<Item>(4);
        WeakReference first = EnqueueAndTake(ring, 0);
        for (int i = 1; i <= BoundedRing<Item>.ClearLag; i++)
        {
            EnqueueAndTake(ring, i);
        }

        // The first item is ClearLag positions behind the last one taken: the ring has let it go.
        Assert.False(IsAlive(first));

        WeakReference last = EnqueueAndTake(ring, BoundedRing<Item>.ClearLag + 1);
        Assert.True(IsAlive(last));
        ring.ClearTaken(ring.Head);
        Assert.False(IsAlive(last));
    }

    [Fact]
    public void Close_refuses_later_claims_but_keeps_earlier_ones()
    {
        var ring = new BoundedRing<Item>(4);
        ring.TryEnqueue(new Item(0, 0), 0);
        Assert.True(ring.Close());
        Assert.False(ring.Close());

        Assert.True(ring.IsClosed);
        Assert.Equal(EnqueueResult.Closed, ring.TryEnqueue(new Item(0, 1), 0));
        Assert.Equal(1, ring.Tail);
        Assert.Equal(new Item(0, 0), ring.Take(0, out _));
        Assert.Equal(0, ring.Size);
    }

    [DebugOnlyFact]
    [Trait("Category", DebugOnlyFactAttribute.Category)]
    public void A_second_consumer_thread_is_caught_in_Debug()
    {
        BoundedRing<Item> ring = TwoWaiting();
        ring.Take(0, out _);

        var thrown = Workers.Catch(() => ring.Take(1, out _), "second consumer");
        Assert.Contains("one consumer thread", Assert.IsType<InvariantViolationException>(thrown).Message);
        Assert.IsType<InvariantViolationException>(Workers.Catch(() => ring.ClearTaken(1), "second consumer"));

        // The owner goes on.
        Assert.Equal(new Item(0, 1), ring.Take(1, out _));
    }

    [DebugOnlyFact]
    [Trait("Category", DebugOnlyFactAttribute.Category)]
    public void Taking_or_clearing_anywhere_but_head_is_caught_in_Debug()
    {
        BoundedRing<Item> ring = TwoWaiting();

        // Ahead of head, behind it, and past tail (which would otherwise wait forever for a publish).
        Assert.Contains("takes at head", Assert.Throws<InvariantViolationException>(() => ring.Take(1, out _)).Message);
        ring.Take(0, out _);
        Assert.Throws<InvariantViolationException>(() => ring.Take(0, out _));
        ring.Take(1, out _);
        Assert.Contains("only claimed positions", Assert.Throws<InvariantViolationException>(() => ring.Take(2, out _)).Message);
        Assert.Contains("current head", Assert.Throws<InvariantViolationException>(() => ring.ClearTaken(1)).Message);
        Assert.Equal(0, ring.Size);
    }

    private static BoundedRing<Item> TwoWaiting()
    {
        var ring = new BoundedRing<Item>(4);
        ring.TryEnqueue(new Item(0, 0), 0);
        ring.TryEnqueue(new Item(0, 1), 0);
        return ring;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static WeakReference EnqueueAndTake(BoundedRing<Item> ring, int sequence)
    {
        var item = new Item(0, sequence);
        Assert.Equal(EnqueueResult.Accepted, ring.TryEnqueue(item, 0));
        Assert.Same(item, ring.Take(ring.Head, out _));
        return new WeakReference(item);
    }

    private static bool IsAlive(WeakReference reference)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return reference.IsAlive;
    }
}
