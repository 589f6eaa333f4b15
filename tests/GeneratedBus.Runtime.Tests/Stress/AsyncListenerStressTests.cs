using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GeneratedBus.Runtime.Tests.Support;

namespace GeneratedBus.Runtime.Tests.StressTests;

/// <summary>Sync and async listeners sharing queues under load: every event processed or dropped, once, in order.</summary>
[Trait("Category", "Stress")]
[Collection(StressCollection.Name)]
public class AsyncListenerStressTests
{
    private const int Producers = 4;

    [Fact]
    public void Producers_into_mixed_sync_and_async_queues_conserve_every_event_in_per_producer_order()
    {
        // 20 000 events per producer here, 400 000 in long mode.
        int perProducer = Stress.Scale(20_000);
        int total = Producers * perProducer;
        var options = TestOptions.Create(capacity: 64);

        // Room for every event: this queue never drops, so its listeners must see all of them, exactly.
        options.QueueCapacities["lossless"] = total;
        using var bus = new AsyncTestBus(options);
        var mixedAsync = new CheckingAsyncListener(contiguous: false, awaitEvery: 8, faultEvery: 97);
        var mixedSync = new CheckingListener(contiguous: false);
        var losslessAsync = new CheckingAsyncListener(contiguous: true, awaitEvery: 64, faultEvery: 0);
        var losslessSync = new CheckingListener(contiguous: true);
        bus.AddToQueue(mixedAsync, "mixed");
        bus.AddToQueue(mixedSync, "mixed");
        bus.AddToQueue(losslessSync, "lossless");
        bus.AddToQueue(losslessAsync, "lossless");
        bus.Start();

        Workers.Start(Producers, p =>
        {
            for (int i = 0; i < perProducer; i++)
            {
                bus.Post(Sequenced.Create(p, i));
            }
        }, "producer").Join("producers");
        Workers.Run(bus.Stop, "Stop");

        BusStats stats = bus.GetStats();
        Assert.Equal(total, stats.EventsPosted);
        foreach (QueueStats q in stats.Queues.Values)
        {
            Assert.Equal(total, q.Posted);
            Assert.Equal(q.Posted, q.Processed + q.Dropped);
            Assert.Equal(0, q.Size);
        }

        QueueStats mixed = stats.Queues["mixed"], lossless = stats.Queues["lossless"];
        Assert.Equal(mixed.Processed, mixedAsync.Check.Count);
        Assert.Equal(mixed.Processed, mixedSync.Check.Count);
        mixedAsync.Check.AssertClean("mixed queue's async listener");
        mixedSync.Check.AssertClean("mixed queue's sync listener");
        Assert.Equal(0, lossless.Dropped);
        int[] all = Enumerable.Repeat(perProducer, Producers).ToArray();
        losslessAsync.Check.AssertSawExactly("lossless queue's async listener", all);
        losslessSync.Check.AssertSawExactly("lossless queue's sync listener", all);

        // Faults are counted per async listener type, as sync failures are.
        Assert.Equal(mixedAsync.Faulted, stats.Listeners[typeof(CheckingAsyncListener)].Failures);
        Assert.Equal(mixed.Processed + lossless.Processed, stats.Listeners[typeof(CheckingAsyncListener)].Events);

        // Not vacuous: the mixed queue dropped (64 slots behind awaits), its async listener awaited and faulted.
        Assert.True(mixed.Dropped > 0, "the mixed queue never dropped");
        Assert.True(mixedAsync.Awaited > 0, "the async listener never awaited");
        Assert.True(mixedAsync.Faulted > 0, "the async listener never faulted");
    }

    /// <summary>Checks the order of what it gets; awaits every n-th event and faults on some after the await.</summary>
    private sealed class CheckingAsyncListener(bool contiguous, int awaitEvery, int faultEvery) : ITestAsyncListener
    {
        private long _awaited;
        private long _faulted;

        public SequenceCheck Check { get; } = new(contiguous);

        public long Awaited => Volatile.Read(ref _awaited);

        public long Faulted => Volatile.Read(ref _faulted);

        public ValueTask OnAsync(TestEvent e, CancellationToken cancellationToken)
        {
            Check.Record(e, TestBus.KindOf(e));
            int sequence = Sequenced.SequenceOf(e);
            return sequence % awaitEvery == 0 ? AwaitAndMaybeFault(sequence) : default;
        }

        private async ValueTask AwaitAndMaybeFault(int sequence)
        {
            Interlocked.Increment(ref _awaited);
            await Task.Yield();
            if (faultEvery > 0 && sequence % faultEvery == 0)
            {
                Interlocked.Increment(ref _faulted);
                throw new InvalidOperationException("fault at " + sequence);
            }
        }
    }
}
