using System;
using GeneratedBus.Runtime.Tests.Support;
using Microsoft.Extensions.Logging;

namespace GeneratedBus.Runtime.Tests.Bus;

public class ListenerFailureTests
{
    [Fact]
    public void A_throwing_listener_is_logged_with_its_type_counted_and_the_bus_keeps_running()
    {
        var logs = new CollectingLoggerFactory();
        using var bus = new TestBus(TestOptions.Create(logs: logs));
        var throwing = new ThrowingListener();
        var after = new CollectingListener();
        bus.AddToSharedQueue(throwing);
        bus.AddToSharedQueue(after);
        bus.Start();
        bus.Post(new Ping(1));
        bus.Post(new Pong(2));
        bus.WaitUntilEmpty(TimeSpan.FromSeconds(30));

        Assert.Equal(2, after.Count);
        Assert.Equal(2, throwing.Calls);
        Assert.Equal(2, bus.Listeners.Count);
        Assert.Equal(2, logs.At(LogLevel.Error).Count);
        Assert.All(logs.At(LogLevel.Error), e =>
        {
            Assert.Equal(1, e.EventId.Id);
            Assert.Contains(nameof(ThrowingListener), e.Message);
            Assert.Equal("GeneratedBus.LiveListenerBus", e.Category);
        });
        BusStats stats = bus.GetStats();
        Assert.Equal(2, stats.Listeners[typeof(ThrowingListener)].Failures);
        Assert.Equal(2, stats.Queues[TestBus.SharedQueue].Processed);
    }

    [Fact]
    public void A_throwing_logger_does_not_end_the_dispatch_thread()
    {
        var options = TestOptions.Create();
        options.LoggerFactory = new ThrowingLoggerFactory();
        using var bus = new TestBus(options);
        var after = new CollectingListener();
        bus.AddToSharedQueue(new ThrowingListener());
        bus.AddToSharedQueue(after);
        bus.Start();
        bus.Post(new Ping(1));
        bus.Post(new Ping(2));

        after.WaitForCount(2);
        bus.Stop();
        Assert.Equal(2, bus.GetStats().Queues[TestBus.SharedQueue].Processed);
    }

    [Fact]
    public void RemoveListener_of_a_blocked_listener_returns_after_ExitTimeout_and_abandons_its_queue()
    {
        var logs = new CollectingLoggerFactory();
        var options = TestOptions.Create(logs: logs);
        options.ExitTimeout = TimeSpan.FromMilliseconds(100);
        using var bus = new TestBus(options);
        using var blocking = new BlockingListener();
        bus.AddToQueue(blocking, "stuck");
        bus.Start();
        bus.Post(new Ping(1));
        bus.Post(new Ping(2));
        blocking.WaitUntilEntered();

        Assert.True(bus.RemoveListener(blocking));

        Assert.Empty(bus.ActiveQueues);
        bus.FlushLog();
        Assert.Contains(logs.Entries, e => e.EventId.Id == 7 && e.Message.Contains("stuck"));
        blocking.Release();
        Eventually.True(() => bus.GetStats().Queues["stuck"] is { Processed: 1, Dropped: 1, Size: 0 }, "abandoned event dropped");
    }
}
