using System;
using System.Globalization;
using System.Text.RegularExpressions;
using GeneratedBus.Samples.Worker.Tests.Support;
using GeneratedBus.Tests.Shared;

namespace GeneratedBus.Samples.Worker.Tests;

/// <summary>The worker's appsettings.json is the bus's configuration: read from beside the executable, checked at start.</summary>
public sealed class ConfigurationTests
{
    private static readonly TimeSpan s_deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public void A_bad_bus_setting_stops_startup_with_exit_code_2_and_names_the_key()
    {
        using var dir = new TempDirectory();
        using var worker = SampleProcess.Start("ShopWorker.dll", dir.Path, "--GeneratedBus:ShopBus:Queues:store:Capacity=0", "--Store:DatabasePath=" + dir.File("events.db"));

        Assert.True(worker.WaitForExit(s_deadline), "the worker did not stop:\n" + worker.Log);
        Assert.True(worker.ExitCode == 2, $"exit code {worker.ExitCode}:\n" + worker.Log);
        Assert.Single(worker.LinesWith("error: bad configuration: GeneratedBus:ShopBus:Queues:store:Capacity must be between 1 and"));
        Assert.Empty(worker.LinesWith("Application started"));
    }

    [Fact]
    public void The_store_queue_takes_its_capacity_and_wait_mode_from_appsettings_json()
    {
        // appsettings.json makes "store" a Wait queue of 1000 (the bus's defaults are DropWrite and 10000): a feed far
        // ahead of SQLite is held back rather than dropped, and it ends with at most 1000 of its 9000 events queued.
        using var dir = new TempDirectory();
        using var worker = SampleProcess.Start("ShopWorker.dll", dir.Path, "--Feed:EventsPerSecond=0", "--Feed:Orders=3000", "--Store:DatabasePath=" + dir.File("events.db"));

        Assert.True(worker.WaitForExit(s_deadline), "the worker did not stop itself:\n" + worker.Log);
        Assert.True(worker.ExitCode == 0, $"exit code {worker.ExitCode}:\n" + worker.Log);
        Assert.Equal(0, DrainLine.Of(worker).Dropped);
        string feed = Assert.Single(worker.LinesWith("Feed stopped after 3000 orders;"));
        Match queued = Regex.Match(feed, @"; (\d+) events still queued", RegexOptions.CultureInvariant);
        Assert.True(queued.Success, feed);
        Assert.InRange(long.Parse(queued.Groups[1].Value, CultureInfo.InvariantCulture), 0, 1000);
        Assert.Single(worker.LinesWith("Bus ShopBus started with the host; queues: store."));
    }
}
