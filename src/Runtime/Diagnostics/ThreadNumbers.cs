using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace GeneratedBus;

/// <summary>
/// Small process-wide numbers for the threads that use a <see cref="ThreadCounter"/>: a thread draws one the first
/// time and keeps it while it lives; once it has died its number goes back to a free list and the next new thread
/// gets the lowest free one. So numbers stay below the most threads ever alive at once, however many come and go.
/// </summary>
/// <remarks>
/// The scheme of <c>ThreadLocal&lt;T&gt;</c>'s IdManager and FinalizationHelper: the number sits in a
/// <see cref="ThreadStaticAttribute"/> holder that only its thread references, so the holder becomes unreachable
/// exactly when the thread has exited, and its finalizer returns the number.
/// <para>
/// A number has one live owner at a time, and that is what lets a counter's cell for the number have a single writer
/// across owners. The handoff is ordered: the old owner's last (plain) write to any cell happens before its thread
/// exits; the runtime orders the exit before the GC that finds the holder unreachable and the finalizer thread that
/// runs <see cref="Holder"/>'s finalizer (thread-store lock, GC suspension and the finalization queue are all full
/// fences); the finalizer releases <see cref="s_lock"/> after freeing the number, and the new owner acquires it in
/// <see cref="Draw"/> before its first read of the cell. So the new owner's read-modify-write starts from the old
/// owner's last value, and no increment is lost.
/// </para>
/// </remarks>
internal static class ThreadNumbers
{
    private static readonly object s_lock = new();

    // Returned numbers, lowest first, so the numbers in use stay packed at the bottom of every counter's array.
    private static readonly PriorityQueue<int, int> s_free = new();

    // The lowest number never handed out. Guarded by s_lock.
    private static int s_next;

    // The thread's number plus one (0 until drawn): a plain int thread static is the cheapest read on the post path.
    [ThreadStatic]
    private static int t_numberPlusOne;

    // Only keeps the holder alive, and so the number owned, until the thread dies.
    [ThreadStatic]
    private static Holder? t_holder;

    /// <summary>The calling thread's number, drawn on its first call.</summary>
    public static int Current
    {
        get
        {
            int numberPlusOne = t_numberPlusOne;
            return numberPlusOne != 0 ? numberPlusOne - 1 : Draw();
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int Draw()
    {
        // The holder exists before it owns a number, so a failed allocation cannot leak one.
        var holder = new Holder();
        lock (s_lock)
        {
            holder.Number = s_free.TryDequeue(out int reused, out _) ? reused : s_next++;
        }

        t_holder = holder;
        t_numberPlusOne = holder.Number + 1;
        return holder.Number;
    }

    /// <summary>
    /// Draws a number that no thread will own and that is never given back: a stack page's (see
    /// <see cref="StackPageNumbers"/>), from the same space, so the two kinds never share a cell.
    /// </summary>
    public static int DrawKept()
    {
        lock (s_lock)
        {
            return s_free.TryDequeue(out int reused, out _) ? reused : s_next++;
        }
    }

    /// <summary>Gives back a number from <see cref="DrawKept"/> that was never used.</summary>
    public static void Return(int number) => Release(number);

    private static void Release(int number)
    {
        lock (s_lock)
        {
            s_free.Enqueue(number, number);
        }
    }

    private sealed class Holder
    {
        // -1 until drawn; written before t_holder publishes the holder to its own thread, read only by it and its finalizer.
        public int Number = -1;

        // Runs once the thread is dead (nothing else references the holder). Not on process exit, where it does not matter.
        ~Holder()
        {
            if (Number >= 0)
            {
                Release(Number);
            }
        }
    }
}
