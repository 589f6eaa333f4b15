namespace GeneratedBus.Generators.Model;

/// <summary>A struct value (an <see cref="EquatableArray{T}"/>, an <c>ImmutableArray</c>, a flag) carried through the incremental pipeline as a reference.</summary>
/// <remarks>
/// Roslyn's pipeline code (its node, table and builder types) is generic over the values it carries. Over reference
/// types it is the shared code compiled ahead of time into the compiler; every struct type, and every tuple a
/// Combine makes of one, needs its own copy compiled in the build's fresh compiler process: about a hundred methods,
/// 10 to 15 ms each time (docs/benchmarks.md, goal 8). Equality is the value's, so caching is unchanged.
/// </remarks>
/// <typeparam name="T">The value's type.</typeparam>
/// <param name="Value">The value.</param>
internal sealed record Boxed<T>(T Value);
