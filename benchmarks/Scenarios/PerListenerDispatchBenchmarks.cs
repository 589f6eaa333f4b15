using System;
using System.Linq;
using BenchmarkDotNet.Attributes;
using GeneratedBus.Benchmarks.Events;

namespace GeneratedBus.Benchmarks.Scenarios;

/// <summary>
/// Goal 1: the generated <c>Dispatch(listener, e)</c> called for each listener (a kind lookup and a jump, per
/// listener) against a hand-written type switch called the same way, over one mixed sequence of events
/// (<see cref="EventSequence"/>) to ten listeners of ten classes (<see cref="Distinct"/>). Time per event, to all ten.
/// A subclass per bus writes the two loops, so the measured code has no call through this class.
/// </summary>
/// <typeparam name="TListener">The bus's listener interface.</typeparam>
/// <typeparam name="TEvent">The bus's event root.</typeparam>
public abstract class PerListenerDispatchBenchmarks<TListener, TEvent>
    where TListener : class
{
    /// <summary>The ten listeners, each of its own class.</summary>
    protected TListener[] Listeners { get; private set; } = [];

    /// <summary>The events, in the order both sides post them.</summary>
    protected TEvent[] Events { get; private set; } = [];

    /// <summary>The bus's counting listener, a generic class of one value-type parameter.</summary>
    protected abstract Type ListenerClass { get; }

    /// <summary>One event of each kind, each with id 1, so a listener's sum counts its calls.</summary>
    protected abstract TEvent[] Kinds { get; }

    private ICounted[] Counted => Listeners.Cast<ICounted>().ToArray();

    [GlobalSetup]
    public void Setup()
    {
        Listeners = Distinct.Ten<TListener>(ListenerClass);
        Events = EventSequence.Of(Kinds);

        // Both sides give every event to every listener's own handler (a wrong handler would fail its cast).
        Generated();
        Sanity.Expect(Counted, EventSequence.Length, "generated Dispatch");
        HandWritten();
        Sanity.Expect(Counted, 2 * EventSequence.Length, "hand-written switch");
    }

    [GlobalCleanup]
    public void Cleanup() => Sanity.SameMultiple(Counted, EventSequence.Length, GetType().Name);

    /// <summary>Each event to each listener through the hand-written switch: the baseline.</summary>
    public abstract void HandWritten();

    /// <summary>Each event to each listener through the generated two-argument <c>Dispatch</c>.</summary>
    public abstract void Generated();
}
