using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading;

namespace GeneratedBus;

/// <summary>
/// Both halves of a queue's park/wake protocol. The consumer, finding its ring empty, polls briefly and then parks
/// (<see cref="Idle"/>); a producer whose event the ring accepted wakes it if it parked (<see cref="WakeIfParked"/>);
/// closing the queue wakes it for good (<see cref="WakeToClose"/>).
/// </summary>
/// <remarks>
/// Lost-wakeup (Dekker) argument: a producer does [CAS tail (in the ring); read parked], the consumer does
/// [Exchange parked = 1; read tail]. Both CAS and Exchange are full fences, so at least one side sees the other's
/// write: either the consumer's re-check sees the producer's tail and does not sleep, or the producer sees parked = 1
/// and wakes it. The Exchange to 0 makes exactly one producer claim the wake (see <see cref="ConsumerWaker"/>). The plain read first keeps the flag's line in the
/// Shared state while the consumer runs (parked stays 0), so the common case costs producers one load.
/// <para>
/// Producers waiting for room in a full <see cref="QueueFullMode.Wait"/> queue park on a protocol of their own, the
/// mirror image of this one: <see cref="WaitingProducers"/>.
/// </para>
/// </remarks>
internal sealed class ConsumerParking<TEvent>
    where TEvent : class
{
    // Spins before parking: long enough to catch a producer that is mid-burst, short enough to leave an idle core idle.
    private const int SpinsBeforePark = 64;

    // Pause between two looks at tail while idle. Each look pulls the producers' tail line to this core, and their next
    // claim must pull it back; polling between every claim made each event pay that transfer (hundreds of ns on this
    // project's VMs). Pausing lets a batch gather: lossless one-to-one throughput rose from 8-22 to about 46 M events/s
    // there, at a cost of a few microseconds of latency for an event that finds the consumer idle.
    private const int PollPause = 16;

    private readonly BoundedRing<TEvent> _ring;
    private readonly PostsUnderWay _posts;
    private readonly ManualResetEventSlim _signal = new(false, spinCount: 1);
    private ParkedFlag _parked;

    /// <param name="ring">The queue's ring.</param>
    /// <param name="posts">The bus's posts, which tell a producer's posts apart (see <see cref="ConsumerWaker"/>).</param>
    public ConsumerParking(BoundedRing<TEvent> ring, PostsUnderWay posts)
    {
        _ring = ring;
        _posts = posts;
    }

    /// <summary>Test seam: whether the consumer is parked (or about to be, having announced it).</summary>
    internal bool IsParked => Volatile.Read(ref _parked.Value) == 1;

    /// <summary>Producer half: after the ring accepted an event, wakes the consumer if it parked.</summary>
    /// <remarks>Inlined into every accepted post, where it is one load while the consumer runs.</remarks>
    /// <param name="thread">The cell number of the post whose event is in, for the consumer waker to tell posts apart.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void WakeIfParked(int thread)
    {
        if (Volatile.Read(ref _parked.Value) == 1)
        {
            Wake(thread);
        }
    }

    /// <summary>After the ring was closed: wakes the consumer so it drains what it holds and exits.</summary>
    public void WakeToClose()
    {
        // The close is a CAS on tail, so the Dekker argument holds for it too; set unconditionally anyway.
        Interlocked.Exchange(ref _parked.Value, 0);
        _signal.Set();
    }

    /// <summary>
    /// Consumer half: waits for events at or after <paramref name="head"/>. Polls tail with pauses, returning at the
    /// first poll that finds any (so after one pause if some are there already), and parks once the ring stayed
    /// empty for the whole spin.
    /// </summary>
    public void Idle(long head)
    {
        try
        {
            for (int i = 0; i < SpinsBeforePark; i++)
            {
                Thread.SpinWait(PollPause);

                // RawTail includes the closed bit, so a close also ends the spin.
                if (_ring.RawTail != head)
                {
                    return;
                }
            }

            // About to sleep: let go of the last events delivered, which the ring clears only lazily.
            _ring.ClearTaken(head);
            _signal.Reset();

            // Full fence before the re-check of tail: see the Dekker argument above.
            Interlocked.Exchange(ref _parked.Value, 1);
            if (_ring.RawTail != head)
            {
                Interlocked.Exchange(ref _parked.Value, 0);
                return;
            }

            _signal.Wait();
        }
        catch (ThreadInterruptedException)
        {
            // A listener interrupted this thread (Thread.CurrentThread.Interrupt()); the interrupt is consumed by
            // the throw. The loop must survive it: go round again.
        }
    }

    /// <summary>
    /// The consumer was seen parked: the exchange makes exactly one producer claim the wake, which it makes itself or
    /// hands to the <see cref="ConsumerWaker"/>, so a post into many idle queues does not pay a wake-up for each.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Wake(int thread)
    {
        if (Interlocked.Exchange(ref _parked.Value, 0) == 1)
        {
            ConsumerWaker.Wake(_signal, _posts, thread);
        }
    }
}

/// <summary>
/// The parked flag (read by every producer, written by the consumer when it parks) in a 256-byte block of its own, so
/// its line is never one the consumer or producers write per event. Not nested: generic types cannot have explicit layout.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 256)]
internal struct ParkedFlag
{
    [FieldOffset(128)]
    public int Value;
}
