namespace GeneratedBus.Runtime.Tests.Queues;

/// <summary>
/// What a producer waiting for room in a Wait queue retries: it polls the batch head (a line the consumer writes once
/// per batch), but its last try before parking judges by the real head, so it never parks while the room it waits
/// for is free in the middle of a batch.
/// </summary>
public class RingOfferTests
{
    [Fact]
    public void Room_freed_in_the_middle_of_a_batch_is_seen_before_parking_but_not_by_the_cheap_retry()
    {
        var ring = new BoundedRing<object>(8);
        var parking = new ConsumerParking<object>(ring, new PostsUnderWay());
        for (int i = 0; i < 8; i++)
        {
            Assert.Equal(EnqueueResult.Accepted, ring.TryEnqueue(i, 0));
        }

        // The consumer takes 5 events of its batch and has not finished it: head 5, batch head still 0.
        for (long position = 0; position < 5; position++)
        {
            ring.Take(position, out _);
        }

        var offer = new RingOffer<object>(ring, parking, "e", 0, room: 2, ThreadNumbers.Current);
        Assert.Equal(EnqueueResult.Full, offer.TryOffer());
        Assert.Equal(EnqueueResult.Accepted, offer.TryOfferBeforePark());
        Assert.Equal(4, ring.Size);

        // Once the batch ends, the cheap retry sees the room too.
        for (long position = 5; position < 7; position++)
        {
            ring.Take(position, out _);
        }

        ring.PublishBatchHead(7);
        Assert.Equal(EnqueueResult.Accepted, offer.TryOffer());
    }

    [Fact]
    public void A_closed_ring_ends_the_wait_whatever_the_room()
    {
        var ring = new BoundedRing<object>(4);
        for (int i = 0; i < 4; i++)
        {
            ring.TryEnqueue(i, 0);
        }

        ring.Close();
        var offer = new RingOffer<object>(ring, new ConsumerParking<object>(ring, new PostsUnderWay()), "e", 0, room: 1, ThreadNumbers.Current);
        Assert.Equal(EnqueueResult.Closed, offer.TryOffer());
        Assert.Equal(EnqueueResult.Closed, offer.TryOfferBeforePark());
    }
}
