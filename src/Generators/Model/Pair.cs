namespace GeneratedBus.Generators.Model;

/// <summary>Two pipeline values combined, as a reference: nested Combines then make no new tuple types (see <see cref="Boxed{T}"/>).</summary>
/// <typeparam name="TLeft">The first value's type.</typeparam>
/// <typeparam name="TRight">The second value's type.</typeparam>
/// <param name="Left">The first value.</param>
/// <param name="Right">The second value.</param>
internal sealed record Pair<TLeft, TRight>(TLeft Left, TRight Right);
