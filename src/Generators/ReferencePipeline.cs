using System.Collections.Immutable;
using GeneratedBus.Generators.Model;
using Microsoft.CodeAnalysis;

namespace GeneratedBus.Generators;

/// <summary>
/// Collect and Combine that hand on reference types, so the generator's whole pipeline runs on the compiler's shared,
/// precompiled pipeline code (see <see cref="Boxed{T}"/>): each tuple shape of a plain Combine costs a cold build
/// its own compilation of that code.
/// </summary>
internal static class ReferencePipeline
{
    /// <summary>Every value of <paramref name="values"/>, together, boxed.</summary>
    public static IncrementalValueProvider<Boxed<ImmutableArray<T>>> CollectBoxed<T>(this IncrementalValuesProvider<T> values)
        where T : class
        => values.Collect().Select(static (items, _) => new Boxed<ImmutableArray<T>>(items));

    /// <summary>Both values, as one <see cref="Model.Pair{TLeft, TRight}"/>.</summary>
    public static IncrementalValueProvider<Pair<TLeft, TRight>> Pair<TLeft, TRight>(
        this IncrementalValueProvider<TLeft> left, IncrementalValueProvider<TRight> right)
        where TLeft : class
        where TRight : class
        => left.Combine(right).Select(static (pair, _) => new Pair<TLeft, TRight>(pair.Left, pair.Right));

    /// <summary>Each value of <paramref name="left"/> with the one of <paramref name="right"/>, as a <see cref="Model.Pair{TLeft, TRight}"/>.</summary>
    public static IncrementalValuesProvider<Pair<TLeft, TRight>> Pair<TLeft, TRight>(
        this IncrementalValuesProvider<TLeft> left, IncrementalValueProvider<TRight> right)
        where TLeft : class
        where TRight : class
        => left.Combine(right).Select(static (pair, _) => new Pair<TLeft, TRight>(pair.Left, pair.Right));
}
