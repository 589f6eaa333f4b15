using System;
using System.Collections.Generic;
using System.Linq;
using GeneratedBus.Redis.Subscribing;

namespace GeneratedBus.Redis.Tests.Support;

/// <summary>What a group must have seen: every (producer-p, sequence) exactly once, and per producer in order.</summary>
public static class DeliveryAssert
{
    public static void EachOnce(List<RedisDelivery> seen, int producers, long events)
    {
        var expected = Enumerable.Range(0, producers).SelectMany(p => Sequences(events).Select(i => ($"producer-{p}", i)));
        var actual = seen.Select(d => (d.Producer, d.Sequence)).OrderBy(x => x.Producer, StringComparer.Ordinal).ThenBy(x => x.Sequence);
        Assert.Equal(expected.OrderBy(x => x.Item1, StringComparer.Ordinal).ThenBy(x => x.i), actual);
    }

    public static void EachOnceInOrder(List<RedisDelivery> seen, int producers, long events)
    {
        EachOnce(seen, producers, events);
        InOrderPerProducer(seen);
    }

    public static void InOrderPerProducer(List<RedisDelivery> seen)
    {
        foreach (var byProducer in seen.GroupBy(d => d.Producer))
        {
            long[] sequences = byProducer.Select(d => d.Sequence).ToArray();
            Assert.True(sequences.Zip(sequences.Skip(1)).All(pair => pair.First < pair.Second), $"{byProducer.Key} out of order");
        }
    }

    private static IEnumerable<long> Sequences(long events)
    {
        for (long i = 1; i <= events; i++) yield return i;
    }
}
