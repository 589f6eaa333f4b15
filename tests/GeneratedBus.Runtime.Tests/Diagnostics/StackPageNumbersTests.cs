using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using GeneratedBus.Runtime.Tests.Support;

namespace GeneratedBus.Runtime.Tests.Diagnostics;

/// <summary>
/// The post path's cell numbers: one per stack page, so the same at one depth of one thread, never shared by two live
/// threads, and a thread's own number where the page's slot is taken. Run with the thread-number tests, since both
/// draw from one number space.
/// </summary>
[Collection(ThreadCounterCollection.Name)]
public class StackPageNumbersTests
{
    [Fact]
    public void A_frame_gets_the_same_number_on_every_call()
    {
        int first = NumberHere();
        for (int i = 0; i < 100; i++)
        {
            Assert.Equal(first, NumberHere());
        }

        Assert.True(first >= 0);
    }

    [Fact]
    public void Live_threads_never_share_a_number()
    {
        const int Threads = 8;
        var numbers = new int[Threads];
        using var allAlive = new Barrier(Threads);
        Workers.Start(Threads, t =>
        {
            numbers[t] = NumberHere();

            // Read again only once every thread has read and is still alive: no stack could have been handed on.
            allAlive.SignalAndWait(TimeSpan.FromSeconds(30));
            Assert.Equal(numbers[t], NumberHere());
        }, "reader").Join("readers");

        Assert.Equal(Threads, numbers.Distinct().Count());
    }

    [Fact]
    public void A_page_whose_slot_another_page_holds_uses_its_threads_number_and_the_holder_keeps_its_own()
    {
        // Made-up pages far below any stack (16 MiB up), so that no thread ever writes a cell through them.
        (nuint holder, int held) = FirstPageThatGetsASlot(start: 0x1000);
        nuint colliding = holder + 1;
        while (StackPageNumbers.SlotOf(colliding) != StackPageNumbers.SlotOf(holder))
        {
            colliding++;
        }

        Assert.Equal(ThreadNumbers.Current, StackPageNumbers.ForPage(colliding));
        Assert.Equal(held, StackPageNumbers.ForPage(holder));
        Assert.NotEqual(ThreadNumbers.Current, held);
    }

    [Fact]
    public void A_page_number_is_never_given_to_a_thread_that_comes_later()
    {
        (_, int held) = FirstPageThatGetsASlot(start: 0x9000);
        var later = new List<int>();
        for (int i = 0; i < 20; i++)
        {
            Workers.Run(() => later.Add(ThreadNumbers.Current), "a new thread");
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        Assert.DoesNotContain(held, later);
    }

    private static (nuint Page, int Number) FirstPageThatGetsASlot(nuint start)
    {
        int self = ThreadNumbers.Current;
        for (nuint page = start; page < start + 4 * StackPageNumbers.Slots; page++)
        {
            int number = StackPageNumbers.ForPage(page);
            if (number != self)
            {
                return (page, number);
            }
        }

        throw new InvalidOperationException("every slot the made-up pages map to is taken");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int NumberHere() => StackPageNumbers.Current;
}
