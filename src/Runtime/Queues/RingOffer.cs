using System.Runtime.CompilerServices;

namespace GeneratedBus;

/// <summary>
/// What a producer waiting for room in a <see cref="QueueFullMode.Wait"/> queue retries: one claim in the queue's
/// ring and, once accepted, the wake of a parked consumer, exactly as an offer that found room does.
/// </summary>
/// <remarks>
/// Honours <see cref="IOffer"/>'s contract: the ring says full only when it holds <c>capacity</c> events its consumer
/// has still to take, never while empty.
/// </remarks>
internal readonly struct RingOffer<TEvent> : IOffer
    where TEvent : class
{
    private readonly BoundedRing<TEvent> _ring;
    private readonly ConsumerParking<TEvent> _parking;
    private readonly TEvent _event;
    private readonly int _kind;

    public RingOffer(BoundedRing<TEvent> ring, ConsumerParking<TEvent> parking, TEvent e, int kind)
    {
        _ring = ring;
        _parking = parking;
        _event = e;
        _kind = kind;
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public EnqueueResult TryOffer()
    {
        EnqueueResult result = _ring.TryEnqueue(_event, _kind);
        if (result == EnqueueResult.Accepted)
        {
            _parking.WakeIfParked();
        }

        return result;
    }
}
