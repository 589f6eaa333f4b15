using System;
using System.IO;

namespace GeneratedBus.Package.Tests;

/// <summary>
/// Fresh projects that reference only the packages, from the local feed: the generator must arrive as an analyzer
/// (directly, or through GeneratedBus.Hosting's dependency), the generated bus must dispatch, and the compiler's own
/// suppression must reach the generator's diagnostics.
/// </summary>
[Collection(LocalFeedCollection.Name)]
public sealed class PackageTests(LocalFeed feed)
{
    [Fact]
    public void A_console_project_referencing_only_the_package_builds_and_dispatches()
    {
        string consumer = feed.CreateConsumer("Consumer");

        string output = DotNetCli.Run(consumer, "run", "-c", "Release", $"-p:GeneratedBusVersion={feed.Version}");

        Assert.Contains("amount=15 shipped=1 posted=3", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_host_referencing_only_the_hosting_package_builds_for_net8_and_net10_and_runs_its_bus()
    {
        string consumer = feed.CreateConsumer("HostingConsumer");

        // Both frameworks build (net8.0 restores the 8.0 abstractions); the machine runs net10.0.
        DotNetCli.Run(consumer, "build", "-c", "Release", $"-p:GeneratedBusVersion={feed.Version}");
        string output = DotNetCli.Run(consumer, "run", "-c", "Release", "--no-build", "-f", "net10.0");

        Assert.Contains("hosted amount=15", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pragma_in_the_consuming_project_suppresses_a_generator_error_in_a_real_build()
    {
        string consumer = feed.CreateConsumer("Consumer");
        // GB0001 is an error: unsuppressed, it fails the build. GB0011, a warning, shows the build reports GB diagnostics.
        File.WriteAllText(Path.Combine(consumer, "Suppressed.cs"), """
            using GeneratedBus;

            namespace Consumer;

            #pragma warning disable GB0001 // what the test proves: a pragma reaches the generator's diagnostics
            [BusEvent] public struct NotARecord { }
            #pragma warning restore GB0001

            [BusEvent, System.Obsolete("Gone.", true)] public sealed record Gone(int OrderId) : ShopEvent;
            """);

        // Warnings stay warnings here, so that GB0011 is printed rather than failing the build.
        string output = DotNetCli.Run(consumer, "build", "-c", "Release", $"-p:GeneratedBusVersion={feed.Version}", "-p:TreatWarningsAsErrors=false");

        Assert.Contains("warning GB0011", output, StringComparison.Ordinal);
        Assert.DoesNotContain("GB0001", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_test_project_referencing_the_testing_package_snapshots_its_events_as_README_shows()
    {
        string consumer = feed.CreateConsumer("TestingConsumer");
        string snapshots = Path.Combine(consumer, "Snapshots");
        string version = $"-p:GeneratedBusVersion={feed.Version}";

        // First run: nothing verified yet, so the test fails and writes what it received (under CI=true too, which
        // this suite runs with in CI: only a rename accepts). Compiling needs the implicit usings the package recorded.
        (int firstExit, string first) = DotNetCli.RunToExit(consumer, "test", "-c", "Release", version);
        Assert.NotEqual(0, firstExit);
        Assert.True(first.Contains("New snapshot: ", StringComparison.Ordinal), first);
        Assert.DoesNotContain("does not compile", first, StringComparison.Ordinal);
        string[] received = Directory.GetFiles(snapshots, "*.received.cs");
        Assert.Contains(Path.Combine(snapshots, "GeneratedCodeTests.Shop_bus#Shop.Orders.OrderEvent.Bus.g.received.cs"), received);

        // Accepted by renaming; the rebuild shows the package keeps the snapshot files out of the test project's code.
        foreach (string file in received)
        {
            File.Move(file, file.Replace(".received.cs", ".verified.cs", StringComparison.Ordinal));
        }

        DotNetCli.Run(consumer, "test", "-c", "Release", version);

        // A new event changes the generated code: the test fails with the diff.
        File.AppendAllText(Path.Combine(consumer, "OrderEvents.cs"), "\n[GeneratedBus.BusEvent] public sealed record OrderCancelled(int OrderId) : OrderEvent(OrderId);\n");
        (int changedExit, string changed) = DotNetCli.RunToExit(consumer, "test", "-c", "Release", "--no-build", version);
        Assert.NotEqual(0, changedExit);
        Assert.True(changed.Contains("Snapshot differs: ", StringComparison.Ordinal), changed);
        Assert.Contains("void OnOrderCancelled(global::Shop.Orders.OrderCancelled e);", changed, StringComparison.Ordinal);
    }
}
