using System;
using System.Diagnostics;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading;

namespace GeneratedBus;

/// <summary>What <see cref="BoundedRing{T}.TryEnqueue(T, int)"/> did with an item.</summary>
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
/// The slot array (the capacity plus <see cref="ClearLag"/> spare slots) is rounded up to a power of two, but the
/// bound is exact: a producer may claim position <c>t</c> only while <c>t - head &lt; capacity</c>.
/// </summary>
/// <remarks>
/// Positions only grow. A producer claims a position by a CAS on <c>tail</c>, writes the slot, then publishes it by
/// writing the slot's sequence (<c>position + 1</c>). The consumer owns <c>head</c>: it waits for the sequence, takes
/// the item and advances <c>head</c> at once, so <see cref="Size"/> counts only waiting items.
/// Producers test "<c>t - head &lt; capacity</c>" against a cached head and read the consumer's head only when that
/// says full, so while there is room they never touch a line the consumer writes.
/// The consumer clears a slot <see cref="ClearLag"/> positions after taking it, not at once: when it keeps pace with
/// the producers, the slot it just took shares a cache line with the one a producer is writing, and a write there
/// would bounce the line between the two cores on every event. The slot array has <see cref="ClearLag"/> spare slots
/// beyond the capacity, so no producer can reach a slot before it is cleared (see <see cref="Take"/>).
/// Closing sets <see cref="ClosedBit"/> in <c>tail</c> with a CAS, so a claim and a close are totally ordered: no claim
/// succeeds after the close, and every claim before it is published (its producer is past the CAS).
/// In Debug builds <see cref="Invariant"/> checks these rules as they run (see the calls below); Release builds
/// contain none of the checks.
/// </remarks>
/// <typeparam name="T">The item type.</typeparam>
[DebuggerDisplay("{Size}/{Capacity} waiting, head {Head}, tail {Tail}, closed {IsClosed}")]
internal sealed class BoundedRing<T>
    where T : class
{
    /// <summary>Set in <c>tail</c> once the ring is closed; far above any reachable position.</summary>
    internal const long ClosedBit = 1L << 62;

    /// <summary>How many positions behind the one it takes the consumer clears a slot: 32 slots, 12 cache lines.</summary>
    internal const int ClearLag = 32;

    /// <summary>The largest capacity: the slot array (capacity plus <see cref="ClearLag"/>, rounded up to a power of two) must fit an <see cref="int"/>.</summary>
    internal const int MaxCapacity = (1 << 30) - ClearLag;

    /// <summary>The largest segment: 64 Ki slots (1.5 MiB on 64-bit). A ring of at most this many slots is one segment.</summary>
    internal const int MaxSegmentSize = 1 << 16;

    /// <summary>The smallest segment worth releasing: below it a ring keeps every segment it has allocated.</summary>
    internal const int MinReleasedSegmentSize = 1 << 12;

    // The slot array, in segments of SegmentSize slots allocated when a producer first claims a position in them
    // (see InstallSegment), and released by the consumer when it leaves one that no producer can reach before head
    // moves on (see ReleaseSegment): memory follows the items waiting, not the capacity.
    private readonly Slot[]?[] _segments;
    private readonly int _segmentShift;
    private readonly long _segmentMask;
    private readonly bool _releasesSegments;
    private readonly long _slotCount;
    private readonly long _mask;
    private readonly long _capacity;
    private RingIndices _indices;

    // The last segment released, cleared, for the next producer that needs one: a steady flow allocates nothing.
    private Slot[]? _spare;

#if DEBUG
    // Debug only, for the single-consumer check: the managed thread id of the consumer, 0 until its first call.
    private int _consumerThreadId;
#endif

    /// <summary>Creates a ring that holds exactly <paramref name="capacity"/> waiting items.</summary>
    /// <param name="capacity">Between 1 and <see cref="MaxCapacity"/>.</param>
    public BoundedRing(int capacity)
        : this(capacity, segmentSize: 0)
    {
    }

    /// <summary>Creates a ring with segments of a given size: a test seam, so small rings take the segmented paths.</summary>
    /// <param name="capacity">Between 1 and <see cref="MaxCapacity"/>.</param>
    /// <param name="segmentSize">A power of two up to the slot count; 0 for the default (see <see cref="SegmentSizeFor"/>).</param>
    internal BoundedRing(int capacity, int segmentSize)
    {
        if (capacity < 1 || capacity > MaxCapacity)
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity, $"The capacity must be between 1 and {MaxCapacity}.");
        }

        _slotCount = BitOperations.RoundUpToPowerOf2((uint)(capacity + ClearLag));
        _mask = _slotCount - 1;
        _capacity = capacity;
        int size = segmentSize == 0 ? SegmentSizeFor(capacity, _slotCount) : segmentSize;
        if (!BitOperations.IsPow2(size) || size > _slotCount)
        {
            throw new ArgumentOutOfRangeException(nameof(segmentSize), segmentSize, "A segment is a power of two of at most the slot count.");
        }

        _segmentShift = BitOperations.Log2((uint)size);
        _segmentMask = size - 1;
        _segments = new Slot[]?[_slotCount / size];

        // A segment the consumer leaves is unreachable until head moves on only if its slots' next positions lie at or
        // beyond head + capacity: the slots outside the window of claimable positions must hold a whole segment.
        _releasesSegments = _segments.Length > 1 && size <= _slotCount - capacity;
    }

    /// <summary>
    /// The default segment size: the whole slot array up to <see cref="MaxSegmentSize"/> slots; beyond, the largest
    /// power of two up to that which the slots outside the claimable window can hold, so segments can be released (a
    /// ring whose capacity nearly fills its slot array gets <see cref="MaxSegmentSize"/> and only grows).
    /// </summary>
    internal static int SegmentSizeFor(int capacity, long slotCount)
    {
        if (slotCount <= MaxSegmentSize)
        {
            return (int)slotCount;
        }

        long spare = slotCount - capacity;
        int releasable = (int)Math.Min(MaxSegmentSize, 1L << BitOperations.Log2((ulong)spare));
        return releasable >= MinReleasedSegmentSize ? releasable : MaxSegmentSize;
    }

    /// <summary>The exact number of waiting items the ring holds.</summary>
    public int Capacity => (int)_capacity;

    /// <summary>The length of the slot array: a power of two, at least <see cref="Capacity"/> + <see cref="ClearLag"/>.</summary>
    public int SlotCount => (int)_slotCount;

    /// <summary>The slots in one segment of the slot array.</summary>
    public int SegmentSize => (int)_segmentMask + 1;

    /// <summary>Whether the consumer releases the segments it leaves (see the constructor).</summary>
    public bool ReleasesSegments => _releasesSegments;

    /// <summary>How many segments are allocated now: a racy count, for tests and the debugger.</summary>
    public int AllocatedSegments => Array.FindAll(_segments, s => s is not null).Length;

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
            int size = (int)(Tail - head);

            // The bound as a reader can see it: only if head did not move meanwhile was it head when tail was read.
            Invariant.Holds(size >= 0 && (size <= _capacity || Head != head), "BoundedRing: 0 <= tail - head <= capacity");
            return size;
        }
    }

    /// <summary>
    /// Head as of the consumer's last finished batch: at most <see cref="Head"/>, on a line the consumer writes once per
    /// batch, so producers waiting for room can poll it without pulling the line the consumer writes per event.
    /// </summary>
    public long BatchHead => Volatile.Read(ref _indices.BatchHead);

    /// <summary>The raw tail, <see cref="ClosedBit"/> included: for the consumer's park/re-check.</summary>
    internal long RawTail => Volatile.Read(ref _indices.Tail);

    /// <summary>Claims a position and publishes <paramref name="item"/> there, unless full or closed. Never blocks.</summary>
    /// <param name="item">The item.</param>
    /// <param name="kind">Carried beside the item.</param>
    public EnqueueResult TryEnqueue(T item, int kind) => TryEnqueue(item, kind, room: 1);

    /// <summary>
    /// Claims a position and publishes <paramref name="item"/> there, unless closed, or full by the hysteresis below.
    /// Never blocks.
    /// </summary>
    /// <param name="item">The item.</param>
    /// <param name="kind">Carried beside the item.</param>
    /// <param name="room">
    /// When the cached head says full and the real head is read, the free slots that read must show, or the ring says
    /// full: 1 is exact (full means <c>capacity</c> items wait). More makes a producer that outruns its consumer stop
    /// (and, in a Wait queue, wait for a batch of room) instead of reading the consumer's head line on every claim
    /// while the ring is nearly full. At most the capacity.
    /// </param>
    public EnqueueResult TryEnqueue(T item, int kind, int room)
    {
        Invariant.Holds(room >= 1 && room <= _capacity, "BoundedRing: a claim asks for 1 to capacity free slots");
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
            if (tail - Volatile.Read(ref _indices.CachedHead) >= _capacity)
            {
                // Looks full: only now read the consumer's head (acquire), and refresh the cache if there is room.
                long head = Volatile.Read(ref _indices.Head);
                if (tail - head > _capacity - room)
                {
                    // A stale tail only makes the ring look fuller, never emptier: the bound holds.
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

        // This slot last held position tail - slots < head - ClearLag (tail < head + capacity, slots >= capacity +
        // ClearLag), which the consumer cleared before it published that head; we acquired that head (directly, or
        // through the cached head another producer wrote after acquiring it), so the slot is free and seen cleared.
        // So is its segment: one released since was released before that head (see ReleaseSegment), so this read
        // sees it gone and installs a fresh one.
        long index = tail & _mask;
        Slot[] segment = Volatile.Read(ref _segments[index >> _segmentShift]) ?? InstallSegment(index >> _segmentShift);
        ref Slot slot = ref segment[index & _segmentMask];

        // Head only grows, so the bound checked before the CAS still holds against the head of now.
        Invariant.Holds(tail - Volatile.Read(ref _indices.Head) < _capacity, "BoundedRing: a claim is below head + capacity");
        Invariant.Holds(
            slot.Item is null && Volatile.Read(ref slot.Sequence) is var last && (last == 0 || last == Math.Max(0, tail - _slotCount + 1)),
            "BoundedRing: a producer reuses only a slot whose last position was taken and cleared, or a fresh one");
        slot.Item = item;
        slot.Kind = kind;

        // Release: the item and kind are visible before the consumer sees the sequence.
        Volatile.Write(ref slot.Sequence, tail + 1);
        return EnqueueResult.Accepted;
    }

    /// <summary>
    /// Consumer only: takes the item at <paramref name="position"/> (which must be below <see cref="Tail"/>), waiting
    /// for its producer to publish it, clears the slot taken <see cref="ClearLag"/> positions earlier (this one is
    /// cleared that much later, or by <see cref="ClearTaken"/>) and advances head.
    /// </summary>
    /// <param name="position">The current head.</param>
    /// <param name="kind">The item's kind.</param>
    public T Take(long position, out int kind)
    {
        // Checked before the wait, which would spin forever on a position nobody claimed.
        CheckConsumer();
        Invariant.Holds(position == Volatile.Read(ref _indices.Head), "BoundedRing: the consumer takes at head, each position once, in order");
        Invariant.Holds(position < Tail, "BoundedRing: the consumer takes only claimed positions");
        long index = position & _mask;

        // Null only while the producer of this claimed position is between its claim and its install.
        Slot[] segment = Volatile.Read(ref _segments[index >> _segmentShift]) ?? WaitForSegment(index >> _segmentShift);
        ref Slot slot = ref segment[index & _segmentMask];

        // Acquire: pairs with the producer's release of the sequence, so the item and kind read below are its.
        if (Volatile.Read(ref slot.Sequence) != position + 1)
        {
            WaitForPublish(ref slot, position + 1);
        }

        T item = slot.Item!;
        kind = slot.Kind;

        // Clear the slot taken ClearLag positions ago, far from the lines producers write now. Ordered before the
        // head release below, so when head reaches H every position below H - ClearLag is cleared, and producers,
        // which may claim only below H + capacity, reuse only slots of positions below H + capacity - slots <= H - ClearLag.
        if (position >= ClearLag)
        {
            ClearSlot(position - ClearLag);
        }

        if (_releasesSegments && (index & _segmentMask) == _segmentMask)
        {
            // The last slot of its segment: the consumer leaves it.
            ReleaseSegment(index >> _segmentShift);
        }

        // Release: the reads, the clear and a release above complete before a producer that sees this head reuses a
        // slot or looks for its segment.
        Volatile.Write(ref _indices.Head, position + 1);
        return item;
    }

    /// <summary>
    /// Consumer only, when idle: clears the slots of the last <see cref="ClearLag"/> positions taken, so an idle ring
    /// holds no reference to an event it delivered. Producers cannot reach those slots before head moves on.
    /// </summary>
    /// <param name="head">The current head.</param>
    public void ClearTaken(long head)
    {
        CheckConsumer();
        Invariant.Holds(head == Volatile.Read(ref _indices.Head), "BoundedRing: ClearTaken is given the current head");
        for (long position = Math.Max(0, head - ClearLag); position < head; position++)
        {
            ClearSlot(position);
        }
    }

    /// <summary>Consumer only, after a batch: publishes <paramref name="head"/> (the current head) as <see cref="BatchHead"/>.</summary>
    public void PublishBatchHead(long head)
    {
        CheckConsumer();
        Invariant.Holds(head == Volatile.Read(ref _indices.Head), "BoundedRing: the batch head published is the current head");
        Volatile.Write(ref _indices.BatchHead, head);
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

    /// <summary>Consumer only: clears a taken position's item, unless its segment was released (and cleared) already.</summary>
    private void ClearSlot(long position)
    {
        long index = position & _mask;
        if (Volatile.Read(ref _segments[index >> _segmentShift]) is { } segment)
        {
            segment[index & _segmentMask].Item = null;
        }
    }

    /// <summary>
    /// Consumer only, as it takes the last position P of segment <paramref name="segment"/>, head still P: releases the
    /// segment. No producer can reach it before head moves on: the next positions of its slots are at least
    /// P + 1 - segment size + slots &gt;= P + capacity (the constructor's condition), and a producer claims only below
    /// head + capacity = P + capacity. A producer that claims one later has acquired a head published after this
    /// release, so it finds the segment gone and installs a fresh one. The released one, cleared, is the spare.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ReleaseSegment(long segment)
    {
        Slot[] released = _segments[segment]!;
        Volatile.Write(ref _segments[segment], null);

        // Nobody else holds it: its positions are all taken, and none of its next ones can be claimed yet.
        Array.Clear(released);
        Volatile.Write(ref _spare, released);
    }

    /// <summary>
    /// A producer whose claimed position lies in a segment not allocated (never yet, or released since): installs the
    /// spare, or a new one. Racing producers of the same segment install one between them.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private Slot[] InstallSegment(long segment)
    {
        Slot[] fresh = Interlocked.Exchange(ref _spare, null) ?? new Slot[_segmentMask + 1];
        Slot[]? installed = Interlocked.CompareExchange(ref _segments[segment], fresh, null);
        if (installed is null)
        {
            return fresh;
        }

        // Another producer won: keep ours, still clear, as the spare.
        Interlocked.CompareExchange(ref _spare, fresh, null);
        return installed;
    }

    /// <summary>Consumer only: waits for the producer of a claimed position to install its segment (as <see cref="WaitForPublish"/>).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private Slot[] WaitForSegment(long segment)
    {
        for (int spins = 0; ; spins++)
        {
            if (Volatile.Read(ref _segments[segment]) is { } installed)
            {
                return installed;
            }

            if (spins >= 1000)
            {
                Thread.Yield();
            }
        }
    }

    /// <summary>Debug only: <see cref="Take"/> and <see cref="ClearTaken"/> are only ever called by one thread.</summary>
    [Conditional("DEBUG")]
    private void CheckConsumer()
    {
#if DEBUG
        Invariant.SingleThread(ref _consumerThreadId, "BoundedRing: one consumer thread takes and clears");
#endif
    }

    // A producer is between its CAS and its publish: a few instructions, unless it was descheduled. Re-read first:
    // a pause (Thread.SpinWait) costs far more than that window on some machines (hundreds of ns on this project's
    // VMs). Thread.Yield, unlike Sleep, never throws a pending ThreadInterruptedException.
    private static void WaitForPublish(ref Slot slot, long sequence)
    {
        for (int spins = 0; Volatile.Read(ref slot.Sequence) != sequence; spins++)
        {
            if (spins < 1000)
            {
                continue;
            }

            if (spins < 1010)
            {
                Thread.SpinWait(1);
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
/// Tail (written by producers), the cached head (written by producers when the ring looked full but was not), head
/// (written by the consumer per event) and the batch head (written by the consumer per batch) each on its own 128-byte
/// block, so they never share a cache line (or an adjacent-line prefetch pair) with each other or with the ring's
/// other fields. Not nested in the ring: generic types cannot have explicit layout.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 640)]
internal struct RingIndices
{
    [FieldOffset(128)]
    public long Tail;

    [FieldOffset(256)]
    public long CachedHead;

    [FieldOffset(384)]
    public long Head;

    [FieldOffset(512)]
    public long BatchHead;
}
