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
}
