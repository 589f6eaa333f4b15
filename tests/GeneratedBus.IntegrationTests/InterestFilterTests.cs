using System;
using System.Threading;
using Acme.Orders;

namespace GeneratedBus.IntegrationTests;

/// <summary>
/// Issue 14's notifier: it handles two of five kinds on a queue of 1,000. The generator saw which handlers it overrides,
/// so its queue carries only those kinds, and it gets every one of them that fits its queue.
/// </summary>
public class InterestFilterTests
{
    private const int Capacity = 1_000;

    // 2,000 events a round, 800 of them the notifier's: the round fits its queue only when the other 1,200 are skipped.
    private const int PerRound = 2_000;

    [Fact]
    public void A_notifier_of_two_kinds_on_a_queue_of_1000_gets_every_one_of_400000_events_it_handles()
    {
        const int rounds = 200;
        using var bus = new OrderBus(Options());
        using var notifier = new Notifier();
        bus.AddToQueue(notifier, "notifications");
        bus.Start();

        for (int round = 0; round < rounds; round++)
        {
            PostHeldRound(bus, notifier, round);
        }

        bus.Stop();

        QueueStats queue = bus.GetStats().Queues["notifications"];
        Assert.Equal(rounds * PerRound, queue.Posted + queue.Skipped);
        Assert.Equal((160_000L, 240_000L, 0L), (queue.Posted, queue.Skipped, queue.Dropped));
        Assert.Equal((80_000, 80_000), (notifier.Shipped, notifier.Cancelled));
    }

    [Fact]
    public void Without_the_filter_the_same_notifier_loses_what_the_other_kinds_crowd_out()
    {
        using var bus = new OrderBus(Options());
        using var notifier = new Notifier();
        bus.AddToQueue(notifier, "notifications", EventKindSet.All);
        bus.Start();

        PostHeldRound(bus, notifier, 0);
        bus.Stop();

        // 1,000 waiting, plus what the dispatch thread took before it blocked: up to 4 events, the round's first three
        // (Placed, Paid, Packed: ignored at once) and the first Shipped, which it holds. The other 996 to 1,000 were
        // dropped, Shipped and Cancelled among them.
        QueueStats queue = bus.GetStats().Queues["notifications"];
        Assert.Equal((2_000L, 0L), (queue.Posted, queue.Skipped));
        Assert.Equal(queue.Posted, queue.Processed + queue.Dropped);
        Assert.InRange(queue.Dropped, 996L, 1_000L);
        Assert.True(notifier.Shipped + notifier.Cancelled < 800, $"the notifier got {notifier.Shipped + notifier.Cancelled} of 800");
    }

    [Fact]
    public void A_listener_the_generator_did_not_see_takes_every_kind_unless_given_its_kinds()
    {
        using var bus = new OrderBus(Options());
        var unseen = new ShippingLedger();
        var narrowed = new ShippingLedger();
        bus.AddToQueue(unseen, "unseen");
        bus.AddToQueue(narrowed, "narrowed", [OrderEventKind.OrderShipped]);
        bus.Start();

        for (int i = 0; i < 100; i++)
        {
            Post(bus, i);
        }

        bus.Stop();

        BusStats stats = bus.GetStats();
        Assert.Equal((100L, 0L), (stats.Queues["unseen"].Posted, stats.Queues["unseen"].Skipped));
        Assert.Equal((20L, 80L), (stats.Queues["narrowed"].Posted, stats.Queues["narrowed"].Skipped));
        Assert.Equal((20, 20), (unseen.Shipped, narrowed.Shipped));
        Assert.Equal(EventKindSet.Of((int)OrderEventKind.OrderShipped, (int)OrderEventKind.OrderCancelled).Kinds, OrderDispatcher.KindsHandledBy(typeof(Notifier))!.Kinds);
        Assert.Null(OrderDispatcher.KindsHandledBy(typeof(ShippingLedger)));
    }

    private static BusOptions Options()
    {
        var options = new BusOptions();
        options.QueueCapacities["notifications"] = Capacity;
        return options;
    }

    // The notifier holds its first event of the round until every event of the round is posted, so nothing the
    // queue holds is taken meanwhile: what fits is exactly what the queue had room for.
    private static void PostHeldRound(OrderBus bus, Notifier notifier, int round)
    {
        notifier.Hold();
        for (int i = 0; i < PerRound; i++)
        {
            Post(bus, (round * PerRound) + i);
        }

        notifier.Release();
        bus.WaitUntilEmpty(TimeSpan.FromSeconds(60));
    }

    private static void Post(OrderBus bus, int i)
    {
        switch (i % 5)
        {
            case 0: bus.Post(new OrderPlaced(i)); break;
            case 1: bus.Post(new OrderPaid(i)); break;
            case 2: bus.Post(new OrderPacked(i)); break;
            case 3: bus.Post(new OrderShipped(i)); break;
            default: bus.Post(new OrderCancelled(i)); break;
        }
    }

    /// <summary>Issue 14's notifier: two handlers of five. Internal, not private: generated code must name it to know its kinds.</summary>
    internal sealed class Notifier : OrderListener, IDisposable
    {
        private readonly ManualResetEventSlim _open = new(initialState: true);
        private int _shipped;
        private int _cancelled;

        public int Shipped => Volatile.Read(ref _shipped);

        public int Cancelled => Volatile.Read(ref _cancelled);

        public void Hold() => _open.Reset();

        public void Release() => _open.Set();

        // A deadline on the hold, never an assertion on the dispatch thread: a hold that times out shows in the counts.
        public override void OnOrderShipped(OrderShipped e)
        {
            _open.Wait(TimeSpan.FromSeconds(60));
            _shipped++;
        }

        public override void OnOrderCancelled(OrderCancelled e)
        {
            _open.Wait(TimeSpan.FromSeconds(60));
            _cancelled++;
        }

        public void Dispose() => _open.Dispose();
    }

    /// <summary>Implements the interface, as a listener from another assembly would: the generator knows nothing of it.</summary>
    internal sealed class ShippingLedger : IOrderListener
    {
        public int Shipped;

        public void OnOrderPlaced(OrderPlaced e) { }

        public void OnOrderPaid(OrderPaid e) { }

        public void OnOrderPacked(OrderPacked e) { }

        public void OnOrderShipped(OrderShipped e) => Shipped++;

        public void OnOrderCancelled(OrderCancelled e) { }

        public void OnOtherEvent(OrderEvent e) { }
    }
}
