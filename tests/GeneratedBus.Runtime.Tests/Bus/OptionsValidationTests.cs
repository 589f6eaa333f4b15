using System;
using System.Threading;
using GeneratedBus.Runtime.Tests.Support;

namespace GeneratedBus.Runtime.Tests.Bus;

public class OptionsValidationTests
{
    public static TheoryData<string, Action<BusOptions>> Invalid => new()
    {
        { "QueueCapacity", o => o.QueueCapacity = 0 },
        { "QueueCapacity", o => o.QueueCapacity = -5 },
        { "QueueCapacities[\"q\"]", o => o.QueueCapacities["q"] = 0 },
        { "QueueCapacities has an empty queue name", o => o.QueueCapacities[""] = 3 },
        { "QueueFullMode must be QueueFullMode.DropWrite or QueueFullMode.Wait; it is 2", o => o.QueueFullMode = (QueueFullMode)2 },
        { "QueueFullModes[\"q\"] must be QueueFullMode.DropWrite or QueueFullMode.Wait; it is -1", o => o.QueueFullModes["q"] = (QueueFullMode)(-1) },
        { "QueueFullModes has an empty queue name", o => o.QueueFullModes[""] = QueueFullMode.Wait },
        { "ExitTimeout", o => o.ExitTimeout = TimeSpan.FromSeconds(-1) },
        { "DropReportInterval", o => o.DropReportInterval = TimeSpan.Zero },
        { "SlowEventThreshold", o => o.SlowEventThreshold = TimeSpan.FromTicks(-1) },
        { "MaxTimedListenerTypes", o => o.MaxTimedListenerTypes = -1 },
        { "StartBufferCapacity", o => o.StartBufferCapacity = 0 },
        { "TimeProvider", o => o.TimeProvider = null! },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Invalid_options_are_refused_with_a_message_naming_the_option(string option, Action<BusOptions> spoil)
    {
        var options = new BusOptions();
        spoil(options);

        var live = Assert.Throws<ArgumentException>(() => new TestBus(options));
        Assert.Contains("BusOptions." + option, live.Message);
        Assert.Equal("options", live.ParamName);
        var sync = Assert.Throws<ArgumentException>(() => new SyncTestBus(options));
        Assert.Contains("BusOptions." + option, sync.Message);
    }

    [Fact]
    public void Defaults_are_the_documented_ones()
    {
        var options = new BusOptions();

        Assert.Equal(10_000, options.QueueCapacity);
        Assert.Empty(options.QueueCapacities);
        Assert.Equal(QueueFullMode.DropWrite, options.QueueFullMode);
        Assert.Empty(options.QueueFullModes);
        Assert.Equal(Timeout.InfiniteTimeSpan, options.ExitTimeout);
        Assert.Equal(TimeSpan.FromSeconds(60), options.DropReportInterval);
        Assert.Equal(TimeSpan.FromSeconds(1), options.SlowEventThreshold);
        Assert.Equal(128, options.MaxTimedListenerTypes);
        Assert.True(options.ListenerTimers);
        Assert.Null(options.StartBufferCapacity);
        Assert.Null(options.Name);
        Assert.Null(options.LoggerFactory);
        Assert.Same(TimeProvider.System, options.TimeProvider);
        Assert.Equal("shared", TestBus.SharedQueue);
    }

    [Fact]
    public void Boundary_values_are_accepted()
    {
        var options = new BusOptions
        {
            QueueCapacity = 1,
            ExitTimeout = TimeSpan.Zero,
            DropReportInterval = Timeout.InfiniteTimeSpan,
            SlowEventThreshold = Timeout.InfiniteTimeSpan,
            MaxTimedListenerTypes = 0,
            StartBufferCapacity = 1,
            QueueFullMode = QueueFullMode.Wait,
            QueueFullModes = { ["q"] = QueueFullMode.DropWrite },
        };
        using var bus = new TestBus(options);
        bus.Start();
        bus.Stop();
        using var defaults = new TestBus();
        _ = new SyncTestBus();
    }

    [Fact]
    public void Options_are_read_once_at_construction()
    {
        var options = TestOptions.Create(capacity: 2);
        using var bus = new TestBus(options);
        options.QueueCapacity = 0;
        options.QueueCapacities["q"] = 0;
        bus.AddToQueue(new CollectingListener(), "q");

        Assert.Equal(2, bus.GetStats().Queues["q"].Capacity);
    }
}
