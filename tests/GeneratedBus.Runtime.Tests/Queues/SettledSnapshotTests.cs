using System;
using System.Collections.Generic;

namespace GeneratedBus.Runtime.Tests.Queues;

/// <summary>
/// The bounded snapshot GetStats settles for when a never-pausing consumer moves head within every read window. A model
/// of the ring (producers claim, the consumer takes then finishes) is read at staggered moments, in Settle's order.
/// </summary>
public class SettledSnapshotTests
{
    private readonly record struct RingState(long Tail, long Head, long Processed, long Abandoned);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(16)]
    public void Staggered_reads_settle_within_the_bounds_and_never_overstate_what_was_posted(int capacity)
    {
        var random = new Random(capacity);
        List<RingState> history = Simulate(random, capacity, steps: 2_000);
        int staleWindows = 0;

        for (int round = 0; round < 20_000; round++)
        {
            // Reads in Settle's order: processed, abandoned, head, tail, each at or after the one before.
            int p = random.Next(history.Count);
            int a = random.Next(p, history.Count);
            int h = random.Next(a, history.Count);
            int t = random.Next(h, history.Count);
            long processed = history[p].Processed, abandoned = history[a].Abandoned;
            long headAfter = history[h].Head, tailAfter = history[t].Tail;
            if (headAfter - processed - abandoned > 1 || tailAfter - headAfter > capacity)
            {
                staleWindows++;
            }

            (long head, long tail) = QueueAccounting<object>.Settle(processed, abandoned, headAfter, tailAfter, capacity);

            string where = $"capacity {capacity}, reads at {p}/{a}/{h}/{t}";
            Assert.InRange(head - processed - abandoned, 0, 1);
            Assert.True(tail - head >= 0 && tail - head <= capacity, $"size {tail - head}, {where}");
            Assert.True(head <= headAfter && tail <= tailAfter, $"settled ({head}, {tail}) past the reads ({headAfter}, {tailAfter}), {where}");
        }

        // The raw reads really were inconsistent in many rounds, so the bounds above were earned by Settle.
        Assert.True(staleWindows > 1_000, $"only {staleWindows} stale windows");
    }

    private static List<RingState> Simulate(Random random, int capacity, int steps)
    {
        var state = new RingState(0, 0, 0, 0);
        var history = new List<RingState> { state };
        for (int i = 0; i < steps; i++)
        {
            bool inFlight = state.Head > state.Processed + state.Abandoned;
            state = random.Next(3) switch
            {
                0 when state.Tail - state.Head < capacity => state with { Tail = state.Tail + 1 },
                1 when !inFlight && state.Head < state.Tail => state with { Head = state.Head + 1 },
                2 when inFlight => random.Next(10) == 0
                    ? state with { Abandoned = state.Abandoned + 1 }
                    : state with { Processed = state.Processed + 1 },
                _ => state,
            };
            history.Add(state);
        }

        return history;
    }
}
