using GeneratedBus.Runtime.Tests.Support;

namespace GeneratedBus.Runtime.Tests.Queues;

public class StartBufferTests
{
    [Fact]
    public void Holds_events_in_order_up_to_the_capacity_and_counts_the_rest_as_dropped()
    {
        object gate = new();
        var buffer = new StartBuffer<string>(gate);
        lock (gate)
        {
            Assert.True(buffer.TryAdd("a", 1, capacity: 2));
            Assert.True(buffer.TryAdd("b", 2, capacity: 2));
            Assert.False(buffer.TryAdd("c", 3, capacity: 2));
            Assert.Equal([("a", 1), ("b", 2)], buffer.Events);
            Assert.Equal(1, buffer.Dropped);
            buffer.Clear();
            Assert.Empty(buffer.Events);
        }
    }

    [DebugOnlyFact]
    [Trait("Category", DebugOnlyFactAttribute.Category)]
    public void Use_without_the_bus_lock_is_caught_in_Debug()
    {
        var buffer = new StartBuffer<string>(new object());
        var thrown = Assert.Throws<InvariantViolationException>(() => buffer.TryAdd("a", 1, capacity: 2));
        Assert.Contains("under the bus's lock", thrown.Message);
        Assert.Throws<InvariantViolationException>(() => buffer.Events);
        Assert.Throws<InvariantViolationException>(() => buffer.Dropped);
        Assert.Throws<InvariantViolationException>(buffer.Clear);
    }
}
