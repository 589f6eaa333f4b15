using System;
using GeneratedBus.Runtime.Tests.Support;

namespace GeneratedBus.Runtime.Tests.Bus;

/// <summary>
/// A clock whose TimestampFrequency is not positive (issue 16, defect 11) is refused when the bus is built; it used to
/// pass, and then GetStats divided by zero and every listener call counted as slow.
/// </summary>
public class TimestampFrequencyValidationTests
{
    [Theory]
    [InlineData(0L)]
    [InlineData(-1L)]
    public void A_TimeProvider_whose_TimestampFrequency_is_not_positive_is_refused_naming_the_option(long frequency)
    {
        var options = new BusOptions { TimeProvider = new FixedFrequencyTimeProvider(frequency) };

        var live = Assert.Throws<ArgumentException>(() => new TestBus(options));
        Assert.Contains("BusOptions.TimeProvider", live.Message);
        Assert.Contains($"TimestampFrequency must be more than zero; it is {frequency}", live.Message);
        Assert.Equal("options", live.ParamName);
        var sync = Assert.Throws<ArgumentException>(() => new SyncTestBus(options));
        Assert.Contains("BusOptions.TimeProvider", sync.Message);
    }

    [Fact]
    public void A_TimeProvider_ticking_once_a_second_is_accepted()
    {
        using var bus = new TestBus(new BusOptions { TimeProvider = new FixedFrequencyTimeProvider(1) });
        bus.AddToSharedQueue(new CollectingListener());
        bus.Start();
        bus.Post(new Ping(1));
        bus.Stop();

        Assert.Equal(1, bus.GetStats().Queues[TestBus.SharedQueue].Processed);
    }

    private sealed class FixedFrequencyTimeProvider(long frequency) : TimeProvider
    {
        public override long TimestampFrequency => frequency;

        public override long GetTimestamp() => 0;
    }
}
