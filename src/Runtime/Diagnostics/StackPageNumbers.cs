using System;
using System.Runtime.CompilerServices;
using System.Threading;

namespace GeneratedBus;

/// <summary>
/// The post path's cell number: a number owned by the 4 KiB page of stack that holds the calling frame, read from a
/// table with no thread-static read and no call. It selects single-writer cells exactly as a <see cref="ThreadNumbers"/>
/// number does, and shares that number space.
/// </summary>
/// <remarks>
/// <para><b>Why.</b> A thread-static read is a call into the runtime on Linux, and on the drop path it was 2 ns of a
/// 7 ns post (see docs/benchmarks.md, goal 5). This read is an address, a multiply and one load.</para>
/// <para><b>Why a page has one writer.</b> A thread's stack is a fixed range for its whole life, and the ranges of live
/// threads are disjoint and page-aligned, so a page lies in at most one live thread's stack: only that thread runs a
/// frame there. A page number is drawn once and never returned, so it stays the page's. When a thread dies, its
/// stack may be given to a new thread (glibc caches stacks; the kernel may map the same range again); the new
/// thread then inherits the page's number, and its cells. That handoff is ordered: the dead thread's last write comes
/// before it exits; glibc hands a cached stack on only once the kernel has cleared the dead thread's id at its exit
/// (<c>CLONE_CHILD_CLEARTID</c>), checked under the stack cache's lock, and a stack mapped anew goes through the
/// kernel's mapping; the new thread's creator does either after the exit, and the new thread starts after that.
/// Cells count sums, so an inherited count goes on from where its last owner left it, as with a reused
/// <see cref="ThreadNumbers"/> number.</para>
/// <para><b>What it is not.</b> A thread's identity: one thread gets different numbers at depths more than a page
/// apart. So it is read once per post and passed down, and anything that must recognise the calling thread (Stop
/// ignoring the caller's own post, see <see cref="PostsUnderWay"/>) uses <see cref="ThreadNumbers.Current"/>.</para>
/// <para><b>Bounds.</b> The table has <see cref="Slots"/> entries, each set once and never cleared; a page whose slot
/// another page took, or that comes after the table has filled, uses its thread's <see cref="ThreadNumbers"/>
/// number instead (one lock-free check, then the thread-static read). So there are never more than
/// <see cref="Slots"/> page numbers, and a cell array, which is as long as the highest number that used it, stays
/// below <see cref="Slots"/> plus the threads alive at once. Typically far below: a program posts from a few pages,
/// and a new thread usually gets a dead one's stack back, and with it the same pages.</para>
/// </remarks>
internal static class StackPageNumbers
{
    /// <summary>How many pages can hold a number of their own.</summary>
    public const int Slots = 1 << SlotBits;

    private const int SlotBits = 8;
    private const int PageShift = 12;

    // An entry is (page << NumberBits) | (number + 1), 0 while free: one word, so a plain read never tears, on 32-bit
    // too (a 32-bit page index has 20 bits). Page numbers stay below Slots + the threads alive at once, well inside.
    private const int NumberBits = 12;
    private const nuint NumberMask = (1u << NumberBits) - 1;

    // A slot refused for good (its number would not fit): page 0 holds no stack, so it matches no page, and it is not 0.
    private const nuint Refused = 1;

    private static readonly nuint[] s_entries = new nuint[Slots];
    private static readonly object s_assign = new();

    /// <summary>The calling frame's page number: the same on every call from one depth of one thread.</summary>
    public static int Current
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => NumberOf(PageOfThisFrame());
    }

    /// <summary>How many page numbers have been drawn in this process: never more than <see cref="Slots"/>.</summary>
    /// <remarks>They share one space with thread numbers, so thread numbers can sit above them: a bound for tests.</remarks>
    internal static int Drawn
    {
        get
        {
            // Every entry above Refused holds a page and its number (a page index is at least 1).
            int drawn = 0;
            foreach (nuint entry in s_entries)
            {
                drawn += entry > Refused ? 1 : 0;
            }

            return drawn;
        }
    }

    /// <summary>The number <see cref="Current"/> gives for <paramref name="page"/>, drawn if the page has none yet.</summary>
    /// <remarks>For tests, which pass made-up pages to fill and collide slots; a page no thread runs on never writes a cell.</remarks>
    internal static int ForPage(nuint page)
    {
        Invariant.Holds(page != 0, "page 0 holds no stack, and its index would match a free entry");
        return NumberOf(page);
    }

    /// <summary>The slot <paramref name="page"/> maps to (Fibonacci hashing), for tests that collide two pages.</summary>
    internal static int SlotOf(nuint page) => (int)(((ulong)page * 0x9E3779B97F4A7C15UL) >> (64 - SlotBits));

    /// <summary>The page index of the calling frame.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static unsafe nuint PageOfThisFrame()
    {
        // An address-taken local lives in this frame, on this thread's stack (in the caller's frame once inlined).
        byte probe = 0;
        return (nuint)Unsafe.AsPointer(ref probe) >> PageShift;
    }

    // The table's number for the page, or Assign's. A plain read: an entry is one word, set once from 0, and a stale
    // 0 only sends the caller to Assign, which reads it again under the lock.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int NumberOf(nuint page)
    {
        nuint entry = s_entries[SlotOf(page)];
        return entry >> NumberBits == page ? (int)(entry & NumberMask) - 1 : Assign(page);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int Assign(nuint page)
    {
        int slot = SlotOf(page);

        // A slot another page holds stays that page's: no lock on this path, which a colliding page takes every post.
        if (Volatile.Read(ref s_entries[slot]) == 0 && Fits(page))
        {
            lock (s_assign)
            {
                if (s_entries[slot] == 0)
                {
                    int number = ThreadNumbers.DrawKept();
                    if ((nuint)(number + 1) <= NumberMask)
                    {
                        // Release: whoever reads the entry and uses the number sees the lock's history before it.
                        Volatile.Write(ref s_entries[slot], (page << NumberBits) | (nuint)(number + 1));
                        return number;
                    }

                    // Over 4 000 threads alive: this slot stays with thread numbers, and no later post comes back here.
                    ThreadNumbers.Return(number);
                    Volatile.Write(ref s_entries[slot], Refused);
                }
            }
        }

        return ThreadNumbers.Current;
    }

    // Whether the entry can hold the page's whole index beside a number (always, for user-space stacks today).
    private static bool Fits(nuint page) => page << NumberBits >> NumberBits == page;
}
