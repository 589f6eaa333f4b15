namespace GeneratedBus;

/// <summary>
/// What a producer waiting in <see cref="WaitingProducers"/> retries: one attempt to place its event, usually
/// <see cref="BoundedRing{T}.TryEnqueue(T, int)"/>. A struct type argument, so the retries are direct calls and the waiting
/// path allocates nothing for them.
/// </summary>
internal interface IOffer
{
    /// <summary>Tries once, never blocks.</summary>
    /// <returns>
    /// <see cref="EnqueueResult.Accepted"/>: placed. <see cref="EnqueueResult.Closed"/>: never will be; the wait ends.
    /// <see cref="EnqueueResult.Full"/>: not yet; allowed only while the queue holds events its consumer has still to
    /// take, because only the consumer's <see cref="WaitingProducers.OnFreed"/> ends a park. An offer may say full
    /// while a few slots are free (to wait for a batch of room), never while the queue is empty.
    /// </returns>
    EnqueueResult TryOffer();

    /// <summary>
    /// The last try before the producer parks (after it announced itself): as <see cref="TryOffer"/>, but judged by the
    /// queue's exact state, so a producer never parks while the room it waits for is there, however a cheaper
    /// <see cref="TryOffer"/> approximates it.
    /// </summary>
    /// <returns>As <see cref="TryOffer"/>.</returns>
    EnqueueResult TryOfferBeforePark();
}
