using System;
using System.Collections.Generic;
using System.Linq;

namespace GeneratedBus;

/// <summary>
/// The kinds of event a listener handles, as its bus's dispatcher numbers them (the generated <c>…EventKind</c>
/// enum, as <see cref="int"/>): a queue enqueues only the events at least one of its listeners handles.
/// <see cref="All"/> is every kind, the default for a listener the generator knows nothing of.
/// </summary>
/// <remarks>
/// For a listener type declared in the bus's own project the generator works this out from the handlers the type
/// overrides; for any other, pass it to <c>AddToQueue(listener, queue, kinds)</c>, or use the generated typed overload
/// <c>AddToQueue(listener, queue, params …EventKind[])</c>. Kind 0 is the kind of events that reach <c>OnOtherEvent</c>.
/// </remarks>
public sealed class EventKindSet
{
    private readonly int[]? _kinds;

    private EventKindSet(int[]? kinds) => _kinds = kinds;

    /// <summary>Every kind: the listener takes every event, as firehose and <c>OnOtherEvent</c> listeners do.</summary>
    public static EventKindSet All { get; } = new(null);

    /// <summary>Whether this is <see cref="All"/>.</summary>
    public bool IsAll => _kinds is null;

    /// <summary>The kinds, in ascending order without repeats; empty for <see cref="All"/>, which names none.</summary>
    public IReadOnlyList<int> Kinds => _kinds ?? [];

    /// <summary>The set of <paramref name="kinds"/>.</summary>
    /// <param name="kinds">Kinds of the bus's dispatcher; repeats are ignored. None at all: the listener handles nothing.</param>
    /// <returns>The set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="kinds"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A kind is negative (the bus checks the upper bound when the set is used).</exception>
    public static EventKindSet Of(params int[] kinds)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        foreach (int kind in kinds)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(kind, nameof(kinds));
        }

        return new EventKindSet(kinds.Distinct().Order().ToArray());
    }

    /// <summary>Whether the set holds <paramref name="kind"/>; <see cref="All"/> holds every kind.</summary>
    /// <param name="kind">A kind.</param>
    public bool Contains(int kind) => _kinds is null || Array.BinarySearch(_kinds, kind) >= 0;

    /// <inheritdoc/>
    public override string ToString() => _kinds is null ? "all kinds" : "kinds " + string.Join(", ", _kinds);
}
