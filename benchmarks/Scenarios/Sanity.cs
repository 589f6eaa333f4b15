using System;
using System.Collections.Generic;
using System.Linq;
using GeneratedBus.Benchmarks.Events;

namespace GeneratedBus.Benchmarks.Scenarios;

/// <summary>
/// Checks a scenario makes at setup and cleanup, so a benchmark that quietly stopped dispatching fails instead of
/// looking fast.
/// </summary>
public static class Sanity
{
    /// <summary>Throws unless there are ten of <paramref name="counted"/> and each has a sum of exactly <paramref name="expected"/>.</summary>
    /// <param name="counted">The listeners or handlers.</param>
    /// <param name="expected">The sum each must have.</param>
    /// <param name="what">The path that delivered, for the message.</param>
    /// <exception cref="InvalidOperationException">One has another sum.</exception>
    public static void Expect(IEnumerable<ICounted> counted, long expected, string what)
    {
        long[] sums = counted.Select(c => c.Sum).ToArray();
        if (sums.Length != Distinct.Count || sums.Any(s => s != expected))
        {
            throw new InvalidOperationException($"{what}: expected {Distinct.Count} listeners with a sum of {expected} each, got {string.Join(", ", sums)}.");
        }
    }

    /// <summary>Throws unless all of <paramref name="counted"/> have one positive sum that is a multiple of <paramref name="unit"/>.</summary>
    /// <param name="counted">The listeners or handlers.</param>
    /// <param name="unit">What one benchmark invocation adds to each.</param>
    /// <param name="what">The scenario, for the message.</param>
    /// <exception cref="InvalidOperationException">Some invocation missed a listener, or none ran.</exception>
    public static void SameMultiple(IEnumerable<ICounted> counted, long unit, string what)
    {
        long[] sums = counted.Select(c => c.Sum).ToArray();
        if (sums[0] <= 0 || sums[0] % unit != 0 || sums.Any(s => s != sums[0]))
        {
            throw new InvalidOperationException($"{what}: every listener should have the same positive multiple of {unit}, got {string.Join(", ", sums)}.");
        }
    }
}
