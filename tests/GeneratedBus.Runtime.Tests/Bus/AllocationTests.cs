using System;
using GeneratedBus.Runtime.Tests.Support;

namespace GeneratedBus.Runtime.Tests.Bus;

public class AllocationTests
{
    [Fact]
    public void Post_allocates_nothing_in_steady_state_and_logs_nothing()
    {
        var logs = new CollectingLoggerFactory();
        using var bus = new TestBus(TestOptions.Create(capacity: 1 << 16, logs: logs));
        bus.AddToSharedQueue(new DelegateListener((e, k) => { }));
        bus.AddToQueue(new DelegateListener((e, k) => { }), "second");
        bus.Start();
        var e = new Ping(1);
        TestEvent root = new Pong(2);
        for (int i = 0; i < 1000; i++)
        {
            bus.Post(e);
            bus.Post(root);
        }

        bus.WaitUntilEmpty(TimeSpan.FromSeconds(30));

        // Steady state: tiered JIT (tier-up, on-stack replacement of this loop) may allocate on this thread while
        // it settles, so measure rounds until one is clean. A Post that allocates would make every round allocate.
        long allocated = long.MaxValue;
        for (int round = 0; round < 10 && allocated != 0; round++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 10_000; i++)
            {
                bus.Post(e);
                bus.Post(root);
            }

            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            bus.WaitUntilEmpty(TimeSpan.FromSeconds(30));
        }

        Assert.Equal(0, allocated);
        Assert.Empty(logs.Entries);
    }

    [Fact]
    public void The_drop_path_allocates_nothing_and_logs_only_the_first_drop()
    {
        var logs = new CollectingLoggerFactory();
        using var bus = new TestBus(TestOptions.Create(capacity: 1, logs: logs));
        using var blocking = new BlockingListener();
        bus.AddToSharedQueue(blocking);
        bus.Start();
        var e = new Ping(1);
        bus.Post(e);
        blocking.WaitUntilEntered();

        // The first drop logs once (and may allocate); after that a drop is a counter increment.
        // A warm-up round first: the JIT's one-time work (tiering, on-stack replacement of the loop) may allocate on
        // this thread, and it is not the drop path's.
        bus.Post(e);
        bus.Post(e);
        bus.Post(e);
        PostMany(bus, e);
        long before = GC.GetAllocatedBytesForCurrentThread();
        PostMany(bus, e);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.Equal(20_002, bus.GetStats().Queues[TestBus.SharedQueue].Dropped);
        bus.FlushLog();
        Assert.Equal(4, Assert.Single(logs.Entries).EventId.Id);
        blocking.Release();
    }

    private static void PostMany(TestBus bus, Ping e)
    {
        for (int i = 0; i < 10_000; i++)
        {
            bus.Post(e);
        }
    }
}
