using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GeneratedBus.Runtime.Tests.Queues;
using GeneratedBus.Runtime.Tests.Support;

namespace GeneratedBus.Runtime.Tests.StressTests;

/// <summary>
/// <see cref="WaitingProducers"/> over a tiny ring with blocking and async producers and a consumer that pauses at
/// random, so producers park and wake at every point of the handshake: a lost wake-up fails a bounded wait.
/// </summary>
[Trait("Category", "Stress")]
[Collection(StressCollection.Name)]
public class WaitingProducersStressTests
{
    private const int Producers = 4;

    [Theory]
    [InlineData(1, 0)]
    [InlineData(3, WaitingProducers.DefaultSpins)]
    [InlineData(64, 2)]
    public void Blocking_and_async_producers_through_a_tiny_ring_lose_nothing_duplicate_nothing_and_keep_order(int capacity, int spins)
    {
        // 1 000 events per producer here, 20 000 in long mode: with no spins, nearly every event is a park.
        int perProducer = Stress.Scale(1_000);
        var ring = new BoundedRing<object>(capacity);
        var producers = new WaitingProducers("stress", "q", TimeProvider.System, spins);
        Workers blocking = Workers.Start(2, p => PostAll(p, perProducer, i => WaitingProducersTests.Post(producers, ring, i)), "blocking");
        Task[] async = [Task.Run(() => PostAllAsync(2, perProducer, producers, ring)), Task.Run(() => PostAllAsync(3, perProducer, producers, ring))];

        var next = new int[Producers];
        long violations = 0, taken = 0;
        int mostParked = 0;
        Workers.Run(() =>
        {
            var random = new Random(capacity * 31 + spins);
            var deadline = DateTime.UtcNow + Workers.HangBound;
            while (taken < Producers * perProducer && DateTime.UtcNow < deadline)
            {
                foreach (object item in WaitingProducersTests.TakeAll(ring, producers))
                {
                    int value = (int)item, producer = value / perProducer;
                    violations += value % perProducer == next[producer] ? 0 : 1;
                    next[producer] = value % perProducer + 1;
                    taken++;
                }

                mostParked = Math.Max(mostParked, producers.ParkedCount);

                // Pauses of every length, so producers find the ring full while spinning, announcing or parked.
                int pause = random.Next(0, 64);
                if (pause == 0)
                {
                    Thread.Yield();
                }
                else
                {
                    Thread.SpinWait(pause * pause);
                }
            }
        }, "consumer");

        blocking.Join("blocking producers");
        foreach (Task task in async)
        {
            Completion.Of(task, "async producer");
        }

        Assert.Equal(Producers * perProducer, taken);
        Assert.Equal(0, violations);
        Assert.All(next, n => Assert.Equal(perProducer, n));
        Assert.Equal(0, producers.Dropped);
        Assert.Equal(0, producers.ParkedCount);

        // Not vacuous: producers waited, and with no spins some of them parked.
        Assert.True(producers.Waits > 0, "no producer ever found the ring full");
        // Parking is sampled by the consumer; a short run on a loaded machine can miss it, a long one must not.
        Assert.True(spins > 0 || mostParked > 0 || !Stress.Long, "no producer was ever seen parked");
    }

    [Fact]
    public void ReleaseAll_racing_blocking_and_async_waits_counts_every_event_once_and_frees_every_producer()
    {
        var random = new Random(23);
        for (int round = 0; round < Stress.Scale(20); round++)
        {
            var ring = new BoundedRing<object>(2);
            var producers = new WaitingProducers("stress", "q", TimeProvider.System, spins: round % 2 == 0 ? 0 : 8);
            var tallies = new Tally[Producers];
            Workers blocking = Workers.Start(2, p => tallies[p] = PostUntilClosed(producers, ring, p), "blocking");
            Task<Tally>[] async = Enumerable.Range(2, 2).Select(p => Task.Run(() => PostUntilClosedAsync(producers, ring, p))).ToArray();

            // A consumer that falls behind, so producers wait; Stop comes after a random number of events.
            long taken = 0;
            int stopAfter = random.Next(0, 2000);
            Workers consumer = Workers.Start(1, _ =>
            {
                var pauses = new Random(round);
                while (!(ring.IsClosed && ring.Head == ring.Tail))
                {
                    Interlocked.Add(ref taken, WaitingProducersTests.TakeAll(ring, producers).Count);
                    Thread.SpinWait(pauses.Next(0, 2000));
                }
            }, "consumer");
            Eventually.True(() => Interlocked.Read(ref taken) >= stopAfter, "events before the release");

            ring.Close();
            producers.ReleaseAll();
            consumer.Join("consumer");
            blocking.Join("blocking producers");
            for (int p = 2; p < Producers; p++)
            {
                tallies[p] = Completion.Of(async[p - 2], "async producer");
            }

            // Every event a producer had accepted was taken; every wait that began ended placed or counted, once.
            Assert.Equal(tallies.Sum(t => t.Accepted), taken);
            Assert.Equal(tallies.Sum(t => t.AcceptedAfterWait) + producers.Dropped, producers.Waits);
            Assert.Equal(0, producers.ParkedCount);

            // Every wait that ended unplaced is counted, once: also one that began after ReleaseAll returned (its
            // offer found the ring full just before the close), which ended at once.
            Assert.Equal(tallies.Sum(t => t.WaitsEndedUnplaced), producers.Dropped);
        }
    }

    private static void PostAll(int producer, int count, Func<int, EnqueueResult> post)
    {
        for (int i = 0; i < count; i++)
        {
            EnqueueResult result = post(producer * count + i);
            if (result != EnqueueResult.Accepted)
            {
                throw new InvalidOperationException($"producer {producer}: event {i} was {result}");
            }
        }
    }

    private static async Task PostAllAsync(int producer, int count, WaitingProducers producers, BoundedRing<object> ring)
    {
        for (int i = 0; i < count; i++)
        {
            var offer = new RingOffer(ring, producer * count + i);
            EnqueueResult result = offer.TryOffer();
            if (result == EnqueueResult.Full)
            {
                result = await producers.WaitAsync(offer);
            }

            if (result != EnqueueResult.Accepted)
            {
                throw new InvalidOperationException($"producer {producer}: event {i} was {result}");
            }
        }
    }

    /// <summary>Posts until the ring is closed; a wait that did not place its event ends the run.</summary>
    private static Tally PostUntilClosed(WaitingProducers producers, BoundedRing<object> ring, int producer)
    {
        var tally = default(Tally);
        while (true)
        {
            var offer = new RingOffer(ring, producer);
            EnqueueResult result = offer.TryOffer();
            if (result == EnqueueResult.Closed)
            {
                // Closed at the first offer: no wait, nothing counted (a post after Stop).
                return tally;
            }

            if (result == EnqueueResult.Full && !tally.Waited(producers.Wait(ref offer)))
            {
                return tally;
            }

            tally.Accepted++;
        }
    }

    private static async Task<Tally> PostUntilClosedAsync(WaitingProducers producers, BoundedRing<object> ring, int producer)
    {
        var tally = default(Tally);
        while (true)
        {
            var offer = new RingOffer(ring, producer);
            EnqueueResult result = offer.TryOffer();
            if (result == EnqueueResult.Closed)
            {
                return tally;
            }

            if (result == EnqueueResult.Full && !tally.Waited(await producers.WaitAsync(offer)))
            {
                return tally;
            }

            tally.Accepted++;
        }
    }

    private struct Tally
    {
        public long Accepted;
        public long AcceptedAfterWait;
        public long WaitsEndedUnplaced;

        /// <summary>Tallies a wait's result; returns whether it placed the event.</summary>
        public bool Waited(EnqueueResult result)
        {
            bool placed = result == EnqueueResult.Accepted;
            AcceptedAfterWait += placed ? 1 : 0;
            WaitsEndedUnplaced += placed ? 0 : 1;
            return placed;
        }
    }
}
