using System;
using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace GeneratedBus;

/// <summary>
/// Delivers one event to a run of listeners, for generated dispatchers: each of <see cref="Width"/> positions in a row
/// has a call site of its own, so that the listener at a position, which stays the same from one event to the next,
/// is the only class that site ever sees.
/// </summary>
/// <remarks>
/// A loop has one call site for every listener of the run, and with listeners of ten classes that site jumps to ten
/// places in turn: the processor predicts it from its history, which a busy sibling thread or a long run disturbs, and
/// the runtime finds each target through its polymorphic dispatch cache. A site per position jumps to one place, and
/// tiered compilation's profile of it names one class, which the JIT then tests for and calls directly, or inlines.
/// Measured with ten listeners of ten classes handling an event with a counter bump: 21 ns per event in a loop,
/// about 15 ns with a site per position, and about 5 ns once the sites are devirtualised (this class's shape; see
/// docs/benchmarks.md). A listener further along than <see cref="Width"/> shares a site with the one
/// <see cref="Width"/> positions before it. Sites count from the start of the span, not from where a run starts: a
/// run resumed after a listener that threw reaches the next block's edge through a site of its own first.
/// <para>
/// The sites are compiled once per call struct: the run's only type argument is that struct, and the listeners and
/// the event are passed as objects, since code with a reference type argument is shared between reference types and
/// would reach <see cref="IListenerCall.Call"/> through a lookup at every site.
/// </para>
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ListenerRun
{
    /// <summary>How many listeners in a row each have a call site of their own: the listener at index i is called from site i % Width.</summary>
    /// <remarks>A power of two, so that a block's edge is found with a mask.</remarks>
    public const int Width = 16;

    // Compiles only while Width is a power of two (otherwise a constant division by zero, CS0020).
    private const int WidthIsAPowerOfTwo = 1 / ((Width & (Width - 1)) == 0 ? 1 : 0);

    /// <summary>
    /// Calls <typeparamref name="TCall"/> for <paramref name="listeners"/>[<paramref name="next"/>] and every listener
    /// after it, in order, setting <paramref name="next"/> to each listener's index before its call: after a handler
    /// throws, it names the listener whose handler threw.
    /// </summary>
    /// <typeparam name="TCall">The handler to call.</typeparam>
    /// <typeparam name="TListener">The listener interface.</typeparam>
    /// <typeparam name="TEvent">The event type the handler takes.</typeparam>
    /// <param name="listeners">The listeners, in the order they get the event.</param>
    /// <param name="e">The event, not null.</param>
    /// <param name="next">In: the first listener to call. Out: the listener being called when the run ended.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Run<TCall, TListener, TEvent>(ReadOnlySpan<TListener> listeners, TEvent e, ref int next)
        where TCall : struct, IListenerCall<TListener, TEvent>
        where TListener : class
        where TEvent : class
    {
        ReadOnlySpan<object> objects = AsObjects(listeners);
        int start = next;
        if ((start & (Width - 1)) != 0 && start < objects.Length)
        {
            start = Resume<TCall>(objects, e, ref next);
        }

        Sites<TCall>(objects, e, start, ref next);
    }

    /// <summary>Calls <typeparamref name="TCall"/> for every listener of <paramref name="listeners"/>, in order.</summary>
    /// <typeparam name="TCall">The handler to call.</typeparam>
    /// <typeparam name="TListener">The listener interface.</typeparam>
    /// <typeparam name="TEvent">The event type the handler takes.</typeparam>
    /// <param name="listeners">The listeners, in the order they get the event.</param>
    /// <param name="e">The event, not null.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Run<TCall, TListener, TEvent>(ReadOnlySpan<TListener> listeners, TEvent e)
        where TCall : struct, IListenerCall<TListener, TEvent>
        where TListener : class
        where TEvent : class
    {
        int next = 0;
        Sites<TCall>(AsObjects(listeners), e, 0, ref next);
    }

    // Every element of a span of a reference type is an object reference, so the same memory read as objects is the
    // same references; nothing is written through it.
    private static ReadOnlySpan<object> AsObjects<TListener>(ReadOnlySpan<TListener> listeners)
        where TListener : class =>
        MemoryMarshal.CreateReadOnlySpan(ref Unsafe.As<TListener, object>(ref MemoryMarshal.GetReference(listeners)), listeners.Length);

    // Written out, not looped: each call below is a site of its own, and its site tag makes the call a method of its
    // own, which tiered compilation profiles apart from the others. "block.Length <= k" before block[k] also lets the
    // JIT drop the index check.
    private static void Sites<TCall>(ReadOnlySpan<object> listeners, object e, int start, ref int next)
        where TCall : struct, IListenerCall
    {
        Debug.Assert((start & (Width - 1)) == 0 || start >= listeners.Length, "A run enters the sites at a block's edge (see Resume).");
        for (; start < listeners.Length; start += Width)
        {
            ReadOnlySpan<object> block = listeners.Slice(start);
            next = start;
            default(TCall).Call<Site0>(block[0], e);

            if (block.Length <= 1)
            {
                return;
            }

            next = start + 1;
            default(TCall).Call<Site1>(block[1], e);

            if (block.Length <= 2)
            {
                return;
            }

            next = start + 2;
            default(TCall).Call<Site2>(block[2], e);

            if (block.Length <= 3)
            {
                return;
            }

            next = start + 3;
            default(TCall).Call<Site3>(block[3], e);

            if (block.Length <= 4)
            {
                return;
            }

            next = start + 4;
            default(TCall).Call<Site4>(block[4], e);

            if (block.Length <= 5)
            {
                return;
            }

            next = start + 5;
            default(TCall).Call<Site5>(block[5], e);

            if (block.Length <= 6)
            {
                return;
            }

            next = start + 6;
            default(TCall).Call<Site6>(block[6], e);

            if (block.Length <= 7)
            {
                return;
            }

            next = start + 7;
            default(TCall).Call<Site7>(block[7], e);

            if (block.Length <= 8)
            {
                return;
            }

            next = start + 8;
            default(TCall).Call<Site8>(block[8], e);

            if (block.Length <= 9)
            {
                return;
            }

            next = start + 9;
            default(TCall).Call<Site9>(block[9], e);

            if (block.Length <= 10)
            {
                return;
            }

            next = start + 10;
            default(TCall).Call<Site10>(block[10], e);

            if (block.Length <= 11)
            {
                return;
            }

            next = start + 11;
            default(TCall).Call<Site11>(block[11], e);

            if (block.Length <= 12)
            {
                return;
            }

            next = start + 12;
            default(TCall).Call<Site12>(block[12], e);

            if (block.Length <= 13)
            {
                return;
            }

            next = start + 13;
            default(TCall).Call<Site13>(block[13], e);

            if (block.Length <= 14)
            {
                return;
            }

            next = start + 14;
            default(TCall).Call<Site14>(block[14], e);

            if (block.Length <= 15)
            {
                return;
            }

            next = start + 15;
            default(TCall).Call<Site15>(block[15], e);
        }
    }

    // A run that resumes after a listener that threw starts off a block's edge: up to the next edge, its listeners go
    // through one site of their own, so that each of the sites above keeps seeing the listener at its own position.
    // Returns the edge, where the blocks go on. Checked for in Run, not in Sites: a whole run starts at 0.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int Resume<TCall>(ReadOnlySpan<object> listeners, object e, ref int next)
        where TCall : struct, IListenerCall
    {
        int edge = Math.Min((next | (Width - 1)) + 1, listeners.Length);
        for (int i = next; i < edge; i++)
        {
            next = i;
            default(TCall).Call<Resumed>(listeners[i], e);
        }

        return edge;
    }

    // The site tags: only their identity counts.
    private struct Site0;
    private struct Site1;
    private struct Site2;
    private struct Site3;
    private struct Site4;
    private struct Site5;
    private struct Site6;
    private struct Site7;
    private struct Site8;
    private struct Site9;
    private struct Site10;
    private struct Site11;
    private struct Site12;
    private struct Site13;
    private struct Site14;
    private struct Site15;
    private struct Resumed;
}
