using System;
using System.IO;
using GeneratedBus.Samples.Tests.Support;
using Xunit.Abstractions;

namespace GeneratedBus.Samples.Tests;

/// <summary>
/// Renders the report in headless Chromium through samples/SparkScheduler/scripts/screenshot-report.sh and checks the
/// picture has the report's colours in it. CI installs Chromium (.ci/run); there a missing browser fails the test.
/// </summary>
[Collection(SmallRunCollection.Name)]
public sealed class ScreenshotTests(SmallRunFixture small, ITestOutputHelper output)
{
    private const int ChromiumMissing = 3;

    [Fact]
    public void The_report_renders_in_headless_chromium_with_its_charts()
    {
        TempDirectory dir = small.Directory;
        Assert.True(small.Run.ExitCode == 0, small.Run.Stderr);

        string script = Path.Combine(AppContext.BaseDirectory, "scripts", "screenshot-report.sh");
        string png = dir.File("report.png");
        SampleRun shot = ChildProcess.Run("bash", dir.Path, script, dir.File("report.html"), png);
        if (shot.ExitCode == ChromiumMissing)
        {
            Assert.False(
                string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase),
                "CI=true but Chromium is missing, so the report was not checked: " + shot.Stderr);
            output.WriteLine("Chromium is not installed; the screenshot check did not run. " + shot.Stderr);
            return;
        }

        Assert.True(shot.ExitCode == 0, $"screenshot-report.sh exited {shot.ExitCode}: {shot.Stdout}{shot.Stderr}");
        PngProbe probe = PngProbe.Read(png);
        Assert.Equal((1280, 2600), (probe.Width, probe.Height));

        // A blank or unstyled page has a handful of colours; tables, anti-aliased text and the coloured chart lines
        // have hundreds.
        Assert.True(probe.DistinctColors > 50, $"only {probe.DistinctColors} colours: the page did not render its charts");
        output.WriteLine($"{png}: {probe.Width}x{probe.Height}, {probe.DistinctColors} colours");
    }
}
