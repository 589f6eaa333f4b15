using System;
using System.Runtime.CompilerServices;
using GeneratedBus.Runtime.Tests.Support;

namespace GeneratedBus.Runtime.Tests.StressTests;

/// <summary>
/// A post counts in the cell of its frame's stack page (see <c>StackPageNumbers</c>), so one thread posting from many
/// depths writes many cells: every count must still be exact, and Stop must still wait for every post under way.
/// </summary>
[Trait("Category", "Stress")]
[Collection(StressCollection.Name)]
public class PostDepthStressTests
{
    private const int Producers = 4;

    [Fact]
    public void Producers_posting_from_ever_changing_stack_depths_are_counted_exactly()
    {
        int perProducer = Stress.Scale(20_000);
        var options = TestOptions.Create(capacity: 8);
        options.QueueFullModes["wait"] = QueueFullMode.Wait;
        using var bus = new TestBus(options);
        var waited = new CollectingListener();
        bus.AddToQueue(waited, "wait");
        bus.AddToQueue(new CollectingListener(), "drop");
        bus.Start();

        Workers.Start(Producers, p =>
        {
            for (int i = 0; i < perProducer; i++)
            {
                // Depths 0 to 40 frames of about 600 bytes each: the post's frame moves across several pages.
                PostAtDepth(bus, new Ping(i), (i * 7 + p) % 41);
            }
        }, "producer").Join("producers");
        Workers.Run(bus.Stop, "Stop");

        BusStats stats = bus.GetStats();
        long total = (long)Producers * perProducer;
        Assert.Equal(total, stats.EventsPosted);
        foreach (QueueStats q in stats.Queues.Values)
        {
            Assert.Equal(total, q.Posted);
            Assert.Equal(q.Posted, q.Processed + q.Dropped);
            Assert.Equal(0, q.Size);
        }

        Assert.Equal(0, stats.Queues["wait"].Dropped);
        Assert.Equal(total, waited.Events.Count);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void PostAtDepth(TestBus bus, Ping e, int depth)
    {
        Span<byte> frame = stackalloc byte[512];
        frame[depth % frame.Length] = 1;
        if (depth == 0)
        {
            bus.Post(e);
        }
        else
        {
            PostAtDepth(bus, e, depth - 1);
        }
    }
}
