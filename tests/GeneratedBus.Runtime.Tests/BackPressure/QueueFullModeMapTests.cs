using GeneratedBus.Runtime.Tests.Support;

namespace GeneratedBus.Runtime.Tests.BackPressure;

public class QueueFullModeMapTests
{
    [Fact]
    public void A_queue_gets_its_override_and_every_other_queue_the_default()
    {
        var options = new BusOptions { QueueFullMode = QueueFullMode.Wait, QueueFullModes = { ["eventLog"] = QueueFullMode.DropWrite } };
        var context = new BusContext(options, "bus", Log.LiveBusCategory);

        Assert.Equal(QueueFullMode.DropWrite, context.FullModes.Of("eventLog"));
        Assert.Equal(QueueFullMode.Wait, context.FullModes.Of("appStatus"));

        // Names are ordinal, like QueueCapacities.
        Assert.Equal(QueueFullMode.Wait, context.FullModes.Of("EventLog"));
    }

    [Fact]
    public void The_modes_are_copied_when_the_bus_is_built()
    {
        var options = TestOptions.Create();
        options.QueueFullModes["q"] = QueueFullMode.Wait;
        var context = new BusContext(options, "bus", Log.LiveBusCategory);

        options.QueueFullMode = QueueFullMode.Wait;
        options.QueueFullModes["q"] = QueueFullMode.DropWrite;

        Assert.Equal(QueueFullMode.Wait, context.FullModes.Of("q"));
        Assert.Equal(QueueFullMode.DropWrite, context.FullModes.Of("other"));
    }

    [Fact]
    public void The_enum_values_are_the_public_contract()
    {
        Assert.Equal(0, (int)QueueFullMode.DropWrite);
        Assert.Equal(1, (int)QueueFullMode.Wait);
        Assert.Equal(QueueFullMode.DropWrite, default(QueueFullMode));
    }
}
