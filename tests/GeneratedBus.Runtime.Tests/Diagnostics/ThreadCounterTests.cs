using System;
using System.Threading;
using GeneratedBus.Runtime.Tests.Support;

namespace GeneratedBus.Runtime.Tests.Diagnostics;

/// <summary>
/// Thread numbers are process-wide, so these tests run alone: a posting thread of another test class alive at the same
/// time would hold a number and could widen a counter's slot array.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ThreadCounterCollection
{
    public const string Name = "ThreadCounter";
}

[Collection(ThreadCounterCollection.Name)]
public class ThreadCounterTests
{
    [Fact]
    public void Dead_threads_give_their_numbers_back_so_the_slot_array_stays_bounded_and_no_count_is_lost()
    {
        var counter = new ThreadCounter();
        const int Batches = 60, ThreadsPerBatch = 10, IncrementsPerThread = 3;
        for (int batch = 0; batch < Batches; batch++)
        {
            for (int t = 0; t < ThreadsPerBatch; t++)
            {
                RunOnNewThread(() =>
                {
                    for (int i = 0; i < IncrementsPerThread; i++)
                    {
                        counter.Increment();
                    }
                });
            }

            CollectDeadThreads();
        }

        // 600 threads ran; without reuse their numbers would reach 600 and the array past it. With reuse only the
        // threads alive at once (a batch, this thread, and a few of the test host's) hold numbers, beside the stack
        // pages' numbers that other tests' posts drew (never returned, and at most StackPageNumbers.Slots).
        Assert.InRange(counter.SlotCount, 1, 128 + StackPageNumbers.Drawn);
        Assert.Equal(Batches * ThreadsPerBatch * IncrementsPerThread, counter.Sum());
    }

    [Fact]
    public void A_reused_number_keeps_adding_to_the_count_its_dead_owner_left()
    {
        var counter = new ThreadCounter();
        for (int round = 1; round <= 50; round++)
        {
            RunOnNewThread(() => counter.Increment());
            CollectDeadThreads();
            Assert.Equal(round, counter.Sum());
        }
    }

    [Fact]
    [Trait("Category", "Stress")]
    public void Concurrent_threads_increment_exactly()
    {
        var counter = new ThreadCounter();
        int threads = Math.Max(4, Environment.ProcessorCount * 2), perThread = Stress.Scale(200_000);
        using var start = new Barrier(threads);
        var workers = new Thread[threads];
        for (int t = 0; t < threads; t++)
        {
            workers[t] = new Thread(() =>
            {
                start.SignalAndWait();
                for (int i = 0; i < perThread; i++)
                {
                    counter.Increment();
                }
            });
            workers[t].Start();
        }

        foreach (Thread worker in workers)
        {
            worker.Join();
        }

        Assert.Equal((long)threads * perThread, counter.Sum());
    }

    [Fact]
    public void A_threads_steady_state_increment_allocates_nothing()
    {
        var counter = new ThreadCounter();
        counter.Increment();

        // Tiered JIT may allocate on this thread while it settles; an increment that allocates would make every round do so.
        long allocated = long.MaxValue;
        int rounds = 0;
        for (; rounds < 10 && allocated != 0; rounds++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 10_000; i++)
            {
                counter.Increment();
            }

            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        }

        Assert.Equal(0, allocated);
        Assert.Equal(1 + (10_000L * rounds), counter.Sum());
    }

    [Fact]
    public void A_new_thread_gets_a_dead_threads_number_and_its_first_increment_allocates_nothing()
    {
        var counter = new ThreadCounter();

        // Another thread dying at the same moment could free a lower number first, so allow a few tries.
        bool reused = false;
        long drawBytes = -1, incrementBytes = -1;
        for (int attempt = 0; attempt < 5 && !reused; attempt++)
        {
            int deadNumber = -1;
            RunOnNewThread(() =>
            {
                deadNumber = ThreadNumbers.Current;
                counter.Increment();
            });
            CollectDeadThreads();

            RunOnNewThread(() =>
            {
                long before = GC.GetAllocatedBytesForCurrentThread();
                int number = ThreadNumbers.Current;
                long drawn = GC.GetAllocatedBytesForCurrentThread();
                counter.Increment();
                incrementBytes = GC.GetAllocatedBytesForCurrentThread() - drawn;
                drawBytes = drawn - before;
                reused = number == deadNumber;
            });
        }

        Assert.True(reused, "a new thread did not get the number of the thread that had just died");

        // Drawing a number costs the thread's small holder (and the runtime's thread-static storage), once. The
        // counter already has the number's cell, so the increment allocates no cell and grows no array.
        Assert.InRange(drawBytes, 1, 1024);
        Assert.Equal(0, incrementBytes);
    }

    private static void RunOnNewThread(Action body)
    {
        var thread = new Thread(() => body());
        thread.Start();
        thread.Join();
    }

    // A dead thread's number returns once the GC has found its holder unreachable and the finalizer has run.
    private static void CollectDeadThreads()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }
}
