using System;
using System.Threading;

namespace GeneratedBus.Runtime.Tests.Support;

/// <summary>
/// Events that carry who posted them and in which order: <c>Value = producer * 2^24 + sequence</c>. Even sequences
/// are <see cref="Ping"/>s (posted through the generated-style overload, kind 1), odd ones <see cref="Pong"/>s (posted
/// as the root, kind looked up), so a check also sees both post paths carry the right kind.
/// </summary>
public static class Sequenced
{
    /// <summary>Producer ids are below this; the value still fits an <see cref="int"/>.</summary>
    public const int MaxProducers = 64;

    private const int SequenceBits = 24;

    public static TestEvent Create(int producer, int sequence)
    {
        if ((uint)producer >= MaxProducers || (uint)sequence >= 1 << SequenceBits)
        {
            throw new ArgumentOutOfRangeException(nameof(sequence), $"producer {producer}, sequence {sequence}");
        }

        int value = (producer << SequenceBits) | sequence;
        return sequence % 2 == 0 ? new Ping(value) : new Pong(value);
    }

    /// <summary>Posts event <paramref name="sequence"/> of <paramref name="producer"/> the way its type says.</summary>
    public static void Post(TestBus bus, int producer, int sequence)
    {
        TestEvent e = Create(producer, sequence);
        if (e is Ping ping)
        {
            bus.Post(ping);
        }
        else
        {
            bus.Post(e);
        }
    }

    public static int ProducerOf(TestEvent e) => e.Value >> SequenceBits;

    public static int SequenceOf(TestEvent e) => e.Value & ((1 << SequenceBits) - 1);
}

/// <summary>
/// Checks, on the one thread that delivers to a listener, that each producer's events come in increasing order (so
/// none twice), with the right kind, and, when <c>contiguous</c>, that none is missing. Violations are counted and
/// the first one kept, never asserted on the dispatch thread: the test asserts them after joining.
/// </summary>
public sealed class SequenceCheck(bool contiguous)
{
    private readonly int[] _next = new int[Sequenced.MaxProducers];
    private long _count;
    private long _violations;
    private string? _firstViolation;

    /// <summary>Events recorded.</summary>
    public long Count => Volatile.Read(ref _count);

    /// <summary>Ordering, duplicate, gap or kind violations seen.</summary>
    public long Violations => Volatile.Read(ref _violations);

    public string? FirstViolation => Volatile.Read(ref _firstViolation);

    /// <summary>One past the last sequence seen from <paramref name="producer"/> (contiguous: how many it saw).</summary>
    public int NextOf(int producer) => Volatile.Read(ref _next[producer]);

    public void Record(TestEvent e, int kind)
    {
        int producer = Sequenced.ProducerOf(e);
        int sequence = Sequenced.SequenceOf(e);
        int next = _next[producer];
        if (kind != TestBus.KindOf(e))
        {
            Violate($"{e} came with kind {kind}");
        }

        if (sequence < next || (contiguous && sequence != next))
        {
            Violate($"producer {producer}: sequence {sequence} after {next - 1}");
        }

        Volatile.Write(ref _next[producer], Math.Max(next, sequence + 1));
        Volatile.Write(ref _count, _count + 1);
    }

    /// <summary>On the test thread, after the delivering thread ended or the queue went idle.</summary>
    public void AssertClean(string who) =>
        Assert.True(Violations == 0, $"{who}: {Violations} violations, first: {FirstViolation}");

    /// <summary>Contiguous checks only: every producer's events 0..count-1 arrived, and nothing else.</summary>
    public void AssertSawExactly(string who, params int[] perProducer)
    {
        AssertClean(who);
        for (int p = 0; p < Sequenced.MaxProducers; p++)
        {
            Assert.True(NextOf(p) == (p < perProducer.Length ? perProducer[p] : 0), $"{who}: producer {p} got {NextOf(p)}");
        }
    }

    private void Violate(string what)
    {
        Interlocked.CompareExchange(ref _firstViolation, what, null);
        Interlocked.Increment(ref _violations);
    }
}

/// <summary>A listener that only checks what it gets.</summary>
public class CheckingListener(bool contiguous) : ITestListener
{
    public SequenceCheck Check { get; } = new(contiguous);

    public virtual void On(TestEvent e, int kind) => Check.Record(e, kind);
}
