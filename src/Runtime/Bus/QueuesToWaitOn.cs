using System;

namespace GeneratedBus;

/// <summary>
/// The queues of one post that were full Wait queues at its first pass, by index in the live array the post read:
/// the post offers to every queue first and waits only afterwards, so no queue waits for another's room. Bits for up
/// to 64 queues, so a waiting post allocates nothing; an array beyond that.
/// </summary>
internal struct QueuesToWaitOn
{
    private ulong _bits;
    private bool[]? _more;

    /// <summary>Marks queue <paramref name="index"/> of a live array of <paramref name="count"/> queues.</summary>
    public void Add(int index, int count)
    {
        if (count <= 64)
        {
            _bits |= 1UL << index;
        }
        else
        {
            (_more ??= new bool[count])[index] = true;
        }
    }

    /// <summary>Whether queue <paramref name="index"/> is marked.</summary>
    public readonly bool Contains(int index) =>
        _more is null ? index < 64 && (_bits & (1UL << index)) != 0 : _more[index];

    /// <summary>Offers <paramref name="e"/> to the queues after <paramref name="first"/> (which said wait), marking those that say wait too.</summary>
    /// <returns>The marks, <paramref name="first"/> included.</returns>
    public static QueuesToWaitOn OfferRest<TListener, TEvent>(
        AsyncEventQueue<TListener, TEvent>[] live, int first, TEvent e, int kind, int thread)
        where TListener : class
        where TEvent : class
    {
        var waits = default(QueuesToWaitOn);
        waits.Add(first, live.Length);
        for (int i = first + 1; i < live.Length; i++)
        {
            if (live[i].Offer(e, kind, thread))
            {
                waits.Add(i, live.Length);
            }
        }

        return waits;
    }

    /// <summary>Gives <paramref name="e"/> up on the marked queues after <paramref name="index"/>: one more try each, else a counted drop.</summary>
    public readonly void GiveUpAfter<TListener, TEvent>(AsyncEventQueue<TListener, TEvent>[] live, int index, TEvent e, int kind)
        where TListener : class
        where TEvent : class
    {
        for (int i = index + 1; i < live.Length; i++)
        {
            if (Contains(i))
            {
                live[i].OfferOrDrop(e, kind);
            }
        }
    }

}
