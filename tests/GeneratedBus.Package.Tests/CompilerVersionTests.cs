using System;

namespace GeneratedBus.Package.Tests;

/// <summary>
/// The SDK picks the package's analyzer folder by its compiler's version (CompilerApiVersion, roslynX.Y). Setting that
/// property stands in for an older SDK: 4.8 must get the generator built for 4.8 and a working build; below 4.8 the
/// build must stop with GBSDK001 instead of CS0246 on every generated type.
/// </summary>
[Collection(LocalFeedCollection.Name)]
public sealed class CompilerVersionTests(LocalFeed feed)
{
    [Fact]
    public void A_Roslyn_4_8_compiler_loads_the_generator_built_for_4_8_and_the_project_builds()
    {
        string consumer = feed.CreateConsumer("Consumer");

        string analyzers = DotNetCli.Run(
            consumer, "build", "-c", "Release", $"-p:GeneratedBusVersion={feed.Version}", "-p:CompilerApiVersion=roslyn4.8", "-t:Build", "-getItem:Analyzer");

        AssertLoadsOnly("roslyn4.8", "roslyn4.14", analyzers);
    }

    [Fact]
    public void The_current_compiler_loads_the_generator_built_for_4_14()
    {
        string consumer = feed.CreateConsumer("Consumer");

        string analyzers = DotNetCli.Run(consumer, "build", "-c", "Release", $"-p:GeneratedBusVersion={feed.Version}", "-t:Build", "-getItem:Analyzer");

        AssertLoadsOnly("roslyn4.14", "roslyn4.8", analyzers);
    }

    [Fact]
    public void A_compiler_older_than_Roslyn_4_8_stops_the_build_with_GBSDK001()
    {
        string consumer = feed.CreateConsumer("Consumer");

        (int exitCode, string output) = DotNetCli.RunToExit(
            consumer, "build", "-c", "Release", $"-p:GeneratedBusVersion={feed.Version}", "-p:CompilerApiVersion=roslyn4.4");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("error GBSDK001", output, StringComparison.Ordinal);
        Assert.Contains("Roslyn 4.8", output, StringComparison.Ordinal);
        Assert.DoesNotContain("CS0246", output, StringComparison.Ordinal);
    }

    /// <summary>The build's Analyzer items (dotnet build -getItem's JSON) hold the generator from one folder only.</summary>
    private static void AssertLoadsOnly(string folder, string otherFolder, string analyzers)
    {
        string paths = analyzers.Replace("\\\\", "/", StringComparison.Ordinal).Replace('\\', '/');
        Assert.True(paths.Contains($"analyzers/dotnet/{folder}/cs/GeneratedBus.Generators.dll", StringComparison.Ordinal), analyzers);
        Assert.False(paths.Contains(otherFolder + "/", StringComparison.Ordinal), analyzers);
    }
}
