using System.Runtime.CompilerServices;

namespace GeneratedBus;

/// <summary>
/// What a producer waiting for room in a <see cref="QueueFullMode.Wait"/> queue retries: once the ring has room for a
/// batch of events, one claim in it and the wake of a parked consumer, exactly as an offer that found room does.
/// </summary>
/// <remarks>
/// <para>Waiting for a batch of room, not one slot: a producer faster than its consumer that resumed at every freed slot
/// would read the consumer's head line on every post, pulling it away from the consumer per event and slowing both.
/// So it polls the <see cref="BoundedRing{T}.BatchHead"/>, which the consumer writes once per batch, and once resumed
/// with room for a batch, its next posts check against the head it cached.</para>
/// <para>Honours <see cref="IOffer"/>'s contract: by the batch head it may say full while the consumer is in the middle
/// of a batch whose end (and wake) is still to come; before parking it judges by the real head, so it says full only
/// while the ring holds more than <c>capacity - room</c> events the consumer has still to take, never while empty.</para>
/// </remarks>
internal readonly struct RingOffer<TEvent> : IOffer
    where TEvent : class
{
    private readonly BoundedRing<TEvent> _ring;
    private readonly ConsumerParking<TEvent> _parking;
    private readonly TEvent _event;
    private readonly int _kind;
    private readonly int _room;
    private readonly int _thread;

    /// <param name="ring">The queue's ring.</param>
    /// <param name="parking">Its consumer's parking, to wake it once the event is in.</param>
    /// <param name="e">The event.</param>
    /// <param name="kind">Its kind.</param>
    /// <param name="room">The free slots to wait for, 1 to the capacity.</param>
    /// <param name="thread">The post's cell number, for the consumer waker to tell its posts apart.</param>
    public RingOffer(BoundedRing<TEvent> ring, ConsumerParking<TEvent> parking, TEvent e, int kind, int room, int thread)
    {
        Invariant.Holds(room >= 1 && room <= ring.Capacity, "a waiting producer waits for 1 to capacity free slots");
        _ring = ring;
        _parking = parking;
        _event = e;
        _kind = kind;
        _room = room;
        _thread = thread;
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public EnqueueResult TryOffer() => TryOffer(_ring.BatchHead);

    /// <inheritdoc/>
    /// <remarks>By the real head: before a park, once, so reading the consumer's line costs nothing per event.</remarks>
    public EnqueueResult TryOfferBeforePark() => TryOffer(_ring.Head);

    // Full while fewer than _room slots are free by the given head (the batch head lags the real one, which only makes
    // the ring look fuller); a closed ring falls through to say so. A stale tail may overstate the room: TryEnqueue
    // checks the exact bound itself.
    private EnqueueResult TryOffer(long head)
    {
        long tail = _ring.RawTail;
        if ((tail & BoundedRing<TEvent>.ClosedBit) == 0 && tail - head > _ring.Capacity - _room)
        {
            return EnqueueResult.Full;
        }

        EnqueueResult result = _ring.TryEnqueue(_event, _kind);
        if (result == EnqueueResult.Accepted)
        {
            _parking.WakeIfParked(_thread);
        }

        return result;
    }
}
