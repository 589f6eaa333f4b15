using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using GeneratedBus.Runtime.Tests.Support;

namespace GeneratedBus.Runtime.Tests.Loop;

/// <summary>Producers posting (producer, sequence) events to a loop all at once, and the check of what it received.</summary>
internal static class LoopProducers
{
    /// <summary>
    /// Starts <paramref name="count"/> threads together; each calls <paramref name="post"/> with its index and the
    /// sequences 0 to <paramref name="perProducer"/> - 1, in order. Returns when all have ended; fails if one threw.
    /// </summary>
    public static void Run(int count, int perProducer, Action<int, int> post)
    {
        using var go = new Barrier(count);
        Workers.Start(count, p =>
        {
            go.SignalAndWait(Within.Timeout);
            for (int s = 0; s < perProducer; s++)
            {
                post(p, s);
            }
        }, "producer").Join("the producers");
    }

    /// <summary>Every event arrived once, and each producer's in the order it posted them.</summary>
    public static void AssertEachInOrder(IReadOnlyCollection<(int Producer, int Sequence)> received, int count, int perProducer)
    {
        Assert.Equal(count * perProducer, received.Count);
        foreach (IGrouping<int, (int Producer, int Sequence)> byProducer in received.GroupBy(e => e.Producer))
        {
            Assert.Equal(Enumerable.Range(0, perProducer), byProducer.Select(e => e.Sequence));
        }
    }
}
