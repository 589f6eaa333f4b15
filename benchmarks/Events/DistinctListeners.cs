using System;
using System.Linq;

namespace GeneratedBus.Benchmarks.Events;

/// <summary>A listener or handler that adds up the ids of the events it got, so a scenario can check every call arrived.</summary>
public interface ICounted
{
    long Sum { get; }
}

/// <summary>
/// Ten listener classes from one definition. Each closed type of a generic class over a different value type is a
/// class of its own with code of its own, so a call site that sees all ten is megamorphic and guarded
/// devirtualisation cannot bet on one, as in an application whose listeners come from different components.
/// </summary>
public static class Distinct
{
    /// <summary>How many classes <see cref="Ten{T}"/> makes.</summary>
    public const int Count = 10;

    private static readonly Type[] Tags =
        [typeof(byte), typeof(sbyte), typeof(short), typeof(ushort), typeof(int), typeof(uint), typeof(long), typeof(ulong), typeof(float), typeof(double)];

    /// <summary>One instance of each of ten closed types of <paramref name="open"/>, a generic class of one value-type parameter.</summary>
    /// <typeparam name="T">What the instances are used as.</typeparam>
    /// <param name="open">The generic class, such as <c>typeof(SumListener&lt;&gt;)</c>.</param>
    /// <returns>Ten instances, each of a different class.</returns>
    public static T[] Ten<T>(Type open) => Tags.Select(tag => (T)Activator.CreateInstance(open.MakeGenericType(tag))!).ToArray();
}

/// <summary>A listener of the eight-event bus that handles three events with a counter bump, the same in every sync scenario.</summary>
/// <typeparam name="TTag">Only makes the class distinct (see <see cref="Distinct"/>).</typeparam>
public sealed class SumListener<TTag> : BenchListener, ICounted
    where TTag : struct
{
    public long Sum { get; private set; }

    public override void OnJobSubmitted(JobSubmitted e) => Sum += e.Id;

    public override void OnTaskEnded(TaskEnded e) => Sum += e.Id;

    public override void OnBlockUpdated(BlockUpdated e) => Sum += e.Id;
}

/// <summary>A listener of the three-event bus that handles every event with a counter bump.</summary>
/// <typeparam name="TTag">Only makes the class distinct (see <see cref="Distinct"/>).</typeparam>
public sealed class TrioSumListener<TTag> : TrioListener, ICounted
    where TTag : struct
{
    public long Sum { get; private set; }

    public override void OnTrioStarted(TrioStarted e) => Sum += e.Id;

    public override void OnTrioProgressed(TrioProgressed e) => Sum += e.Id;

    public override void OnTrioFinished(TrioFinished e) => Sum += e.Id;
}
