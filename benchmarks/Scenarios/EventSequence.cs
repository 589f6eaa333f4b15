using System;

namespace GeneratedBus.Benchmarks.Scenarios;

/// <summary>
/// The events a per-listener scenario posts, one array for both sides: every kind once per round, each round in an
/// order of its own (a seeded shuffle). So every kind comes as often as any other, and there is no short period for
/// the branch predictors to learn, as on a live bus whose events interleave.
/// </summary>
public static class EventSequence
{
    /// <summary>Events in a sequence: whole rounds of both the 3- and the 22-event bus (3 x 352 = 22 x 48).</summary>
    public const int Length = 1056;

    /// <summary>The sequence of <paramref name="kinds"/>, one event of each kind.</summary>
    /// <typeparam name="T">The event root.</typeparam>
    /// <param name="kinds">One event of each kind; the sequence repeats these instances.</param>
    /// <returns><see cref="Length"/> events, the same for the same kinds.</returns>
    /// <exception cref="ArgumentException"><see cref="Length"/> is not a whole number of rounds.</exception>
    public static T[] Of<T>(params T[] kinds)
    {
        if (kinds.Length == 0 || Length % kinds.Length != 0)
        {
            throw new ArgumentException($"{Length} events are not whole rounds of {kinds.Length} kinds.", nameof(kinds));
        }

        var random = new Random(10);
        var events = new T[Length];
        for (int start = 0; start < Length; start += kinds.Length)
        {
            T[] round = (T[])kinds.Clone();
            random.Shuffle(round);
            round.CopyTo(events, start);
        }

        return events;
    }
}
