using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using GeneratedBus.Samples.Tests.Support;

namespace GeneratedBus.Samples.Tests;

/// <summary>The HTML report: written where asked, its path printed, self-contained, one SVG per chart.</summary>
public sealed class ReportTests
{
    [Fact]
    public void The_report_is_written_where_asked_and_its_path_is_printed()
    {
        using var dir = new TempDirectory();
        SampleRun run = SampleRun.Small(dir.Path);

        string path = dir.File("report.html");
        Assert.Contains("Report: " + path, run.Stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(path));
    }

    [Fact]
    public void The_report_loads_nothing_from_outside_and_draws_every_chart_as_inline_svg()
    {
        using var dir = new TempDirectory();
        SampleRun.Small(dir.Path);
        string html = File.ReadAllText(dir.File("report.html"));

        foreach (string outside in new[] { "http://", "https://", "src=", "<script", "<link", "@import", "url(" })
        {
            Assert.DoesNotContain(outside, html, StringComparison.OrdinalIgnoreCase);
        }

        int charts = Regex.Matches(html, "<figure class=\"chart\">").Count;
        int svgs = Regex.Matches(html, "<svg ").Count;
        Assert.Equal(charts, svgs);
        Assert.Equal(charts, Regex.Matches(html, "</svg></figure>").Count);

        // Depth and drops for each of the four queues, plus the two listener-time charts.
        Assert.Equal((4 * 2) + 2, charts);
        foreach (string queue in new[] { "appStatus", "executorManagement", "shared", "eventLog" })
        {
            Assert.Contains($"aria-label=\"{queue}: depth", html, StringComparison.Ordinal);
            Assert.Contains($"aria-label=\"{queue}: dropped so far", html, StringComparison.Ordinal);
        }

        // Each line chart plots the samples taken during the run, not an empty axis.
        Assert.All(Regex.Matches(html, "<polyline [^>]*points=\"([^\"]*)\"").Select(m => m.Groups[1].Value),
            points => Assert.True(points.Trim().Split(' ').Length >= 2, "a line with fewer than two points"));
    }
}
