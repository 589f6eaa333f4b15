using System;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Threading;

namespace GeneratedBus;

/// <summary>What <see cref="BoundedRing{T}.TryEnqueue"/> did with an item.</summary>
internal enum EnqueueResult
{
    /// <summary>The item was published; the consumer will take it.</summary>
    Accepted,

    /// <summary>The ring held <c>capacity</c> waiting items; the item was refused.</summary>
    Full,

    /// <summary>The ring was closed; the item was refused and must not be counted.</summary>
    Closed,
}

/// <summary>
/// A bounded, lock-free, allocation-free ring for many producers and one consumer, carrying an event and its kind.
/// The slot array is rounded up to a power of two, but the bound is exact: a producer may claim position
/// <c>t</c> only while <c>t - head &lt; capacity</c>.
/// </summary>
/// <remarks>
/// Positions only grow. A producer claims a position by a CAS on <c>tail</c>, writes the slot, then publishes it by
/// writing the slot's sequence (<c>position + 1</c>). The consumer owns <c>head</c>: it waits for the sequence, takes
/// the item, clears the slot and advances <c>head</c> at once, so <see cref="Size"/> counts only waiting items.
/// Producers test "<c>t - head &lt; capacity</c>" against a cached head; only when that says full do they look at
/// the slot of position <c>t - capacity</c> (taken means cleared), so a flood of drops never reads the line the
/// consumer writes per event; head itself is read only once that slot is cleared, to confirm the take is complete
/// (the consumer clears before it advances head) and to refresh the cache.
/// Closing sets <see cref="ClosedBit"/> in <c>tail</c> with a CAS, so a claim and a close are totally ordered: no claim
/// succeeds after the close, and every claim before it is published (its producer is past the CAS).
/// </remarks>
/// <typeparam name="T">The item type.</typeparam>
internal sealed class BoundedRing<T>
    where T : class
{
    /// <summary>Set in <c>tail</c> once the ring is closed; far above any reachable position.</summary>
    internal const long ClosedBit = 1L << 62;

    /// <summary>The largest capacity: the slot array must be a power of two that an <see cref="int"/> indexes.</summary>
    internal const int MaxCapacity = 1 << 30;

    private readonly Slot[] _slots;
    private readonly long _mask;
    private readonly long _capacity;
    private RingIndices _indices;

    /// <summary>Creates a ring that holds exactly <paramref name="capacity"/> waiting items.</summary>
    /// <param name="capacity">Between 1 and <see cref="MaxCapacity"/>.</param>
    public BoundedRing(int capacity)
    {
        if (capacity < 1 || capacity > MaxCapacity)
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity, $"The capacity must be between 1 and {MaxCapacity}.");
        }

        _slots = new Slot[BitOperations.RoundUpToPowerOf2((uint)capacity)];
        _mask = _slots.Length - 1;
        _capacity = capacity;
    }

    /// <summary>The exact number of waiting items the ring holds.</summary>
    public int Capacity => (int)_capacity;

    /// <summary>The length of the slot array (a power of two, at least <see cref="Capacity"/>).</summary>
    public int SlotCount => _slots.Length;

    /// <summary>Positions claimed so far: every item ever accepted.</summary>
    public long Tail => Volatile.Read(ref _indices.Tail) & ~ClosedBit;

    /// <summary>Positions the consumer has taken.</summary>
    public long Head => Volatile.Read(ref _indices.Head);

    /// <summary>Whether <see cref="Close"/> was called.</summary>
    public bool IsClosed => (Volatile.Read(ref _indices.Tail) & ClosedBit) != 0;

    /// <summary>Items waiting (claimed, not yet taken); a claim not yet published counts.</summary>
    public int Size
    {
        get
        {
            // Head first: it only grows, so reading tail after it can't give a negative size.
            long head = Head;
            return (int)(Tail - head);
        }
    }

    /// <summary>The raw tail, <see cref="ClosedBit"/> included: for the consumer's park/re-check.</summary>
    internal long RawTail => Volatile.Read(ref _indices.Tail);

    /// <summary>Claims a position and publishes <paramref name="item"/> there, unless full or closed. Never blocks.</summary>
    /// <param name="item">The item.</param>
    /// <param name="kind">Carried beside the item.</param>
    public EnqueueResult TryEnqueue(T item, int kind)
    {
        ref long tailRef = ref _indices.Tail;
        long tail = Volatile.Read(ref tailRef);
        while (true)
        {
            if ((tail & ClosedBit) != 0)
            {
                return EnqueueResult.Closed;
            }

            // Fast check against the cached head, a producer-side line: it is at most the real head (every value
            // written there was read from head, which only grows), so it can only make the ring look fuller.
            long cached = Volatile.Read(ref _indices.CachedHead);
            if (tail - cached >= _capacity)
            {
                // Looks full. Room for position tail means position tail - capacity was taken; rather than read
                // head, which the consumer writes per event, look at that position's slot: the consumer clears its
                // item when it takes it, and nothing reuses the slot before position tail. So a flood of drops
                // never pulls the consumer's head line. Both reads acquire.
                long oldest = tail - _capacity;
                ref Slot oldestSlot = ref _slots[oldest & _mask];
                if (Volatile.Read(ref oldestSlot.Sequence) != oldest + 1 || Volatile.Read(ref oldestSlot.Item) is not null)
                {
                    // Not yet published, or not yet taken: head <= oldest, full. (A stale tail only means fuller.)
                    return EnqueueResult.Full;
                }

                // The consumer clears the slot just before it advances head: until head is past oldest, the ring is
                // still full (claiming now would make tail - head exceed the capacity by one). Otherwise there is
                // room: refresh the cache from head so the next claims skip this check.
                long head = Volatile.Read(ref _indices.Head);
                if (head <= oldest)
                {
                    return EnqueueResult.Full;
                }

                Volatile.Write(ref _indices.CachedHead, head);
            }

            long seen = Interlocked.CompareExchange(ref tailRef, tail + 1, tail);
            if (seen == tail)
            {
                break;
            }

            tail = seen;
        }

        // Position tail - slots <= tail - capacity was taken (seen above through its slot, or through a head we
        // acquired), and the consumer clears in order with release writes, so this slot is free and seen cleared.
        ref Slot slot = ref _slots[tail & _mask];
        slot.Item = item;
        slot.Kind = kind;

        // Release: the item and kind are visible before the consumer sees the sequence.
        Volatile.Write(ref slot.Sequence, tail + 1);
        return EnqueueResult.Accepted;
    }

    /// <summary>
    /// Consumer only: takes the item at <paramref name="position"/> (which must be below <see cref="Tail"/>), waiting
    /// for its producer to publish it, clears the slot and advances head.
    /// </summary>
    /// <param name="position">The current head.</param>
    /// <param name="kind">The item's kind.</param>
    public T Take(long position, out int kind)
    {
        ref Slot slot = ref _slots[position & _mask];

        // Acquire: pairs with the producer's release of the sequence, so the item and kind read below are its.
        if (Volatile.Read(ref slot.Sequence) != position + 1)
        {
            WaitForPublish(ref slot, position + 1);
        }

        T item = slot.Item!;
        kind = slot.Kind;

        // Release: the reads above complete before a producer, seeing null, may reuse this slot (when capacity is a
        // power of two it claims this very slot next).
        Volatile.Write(ref slot.Item, null);

        // Release: a producer that caches this head (or a stats reader) sees the slot cleared.
        Volatile.Write(ref _indices.Head, position + 1);
        return item;
    }

    /// <summary>Refuses every later claim; claims made before are still taken by the consumer.</summary>
    /// <returns>Whether this call closed the ring (false: it was closed before).</returns>
    public bool Close()
    {
        long tail = Volatile.Read(ref _indices.Tail);
        while ((tail & ClosedBit) == 0)
        {
            long seen = Interlocked.CompareExchange(ref _indices.Tail, tail | ClosedBit, tail);
            if (seen == tail)
            {
                return true;
            }

            tail = seen;
        }

        return false;
    }

    // A producer is between its CAS and its publish: a few instructions, unless it was descheduled. Thread.Yield,
    // unlike Sleep, never throws a pending ThreadInterruptedException.
    private static void WaitForPublish(ref Slot slot, long sequence)
    {
        for (int spins = 0; Volatile.Read(ref slot.Sequence) != sequence; spins++)
        {
            if (spins < 20)
            {
                Thread.SpinWait(1 << Math.Min(spins, 6));
            }
            else
            {
                Thread.Yield();
            }
        }
    }

    private struct Slot
    {
        public T? Item;
        public int Kind;
        public long Sequence;
    }
}

/// <summary>
/// Tail (written by producers), the cached head (written by producers when the ring looked full but was not) and head
/// (written by the consumer) each on its own 128-byte block, so they never share a cache line (or an adjacent-line
/// prefetch pair) with each other or with the ring's other fields. Not nested in the ring: generic types cannot have
/// explicit layout.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 512)]
internal struct RingIndices
{
    [FieldOffset(128)]
    public long Tail;

    [FieldOffset(256)]
    public long CachedHead;

    [FieldOffset(384)]
    public long Head;
}
