using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using GeneratedBus.Samples.Tests.Support;
using SparkScheduler.Listeners;

namespace GeneratedBus.Samples.Tests;

/// <summary>The HTML report: written where asked, its path printed, self-contained, one SVG per chart.</summary>
[Collection(SmallRunCollection.Name)]
public sealed class ReportTests(SmallRunFixture small)
{
    [Fact]
    public void The_report_is_written_where_asked_and_its_path_is_printed()
    {
        string path = small.Directory.File("report.html");
        Assert.Contains("Report: " + path, small.Run.Stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(path));
    }

    [Fact]
    public void The_report_loads_nothing_from_outside_and_draws_every_chart_as_inline_svg()
    {
        string html = File.ReadAllText(small.Directory.File("report.html"));

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
        foreach (string queue in QueueNames.All)
        {
            Assert.Contains($"aria-label=\"{queue}: depth", html, StringComparison.Ordinal);
            Assert.Contains($"aria-label=\"{queue}: dropped so far", html, StringComparison.Ordinal);
        }

        // Each line chart plots the samples taken during the run, not an empty axis.
        Assert.All(Regex.Matches(html, "<polyline [^>]*points=\"([^\"]*)\"").Select(m => m.Groups[1].Value),
            points => Assert.True(points.Trim().Split(' ').Length >= 2, "a line with fewer than two points"));
    }

    [Fact]
    public void The_report_says_which_queues_dropped_and_that_every_queue_balances()
    {
        string html = File.ReadAllText(small.Directory.File("report.html"));
        long dropped = small.Run.Table.Queues.Single(q => q.Name == QueueNames.EventLog).Dropped;

        Assert.Contains($"Queues that dropped events: {QueueNames.EventLog} ({dropped:N0}); every queue satisfies posted = processed + dropped.", html, StringComparison.Ordinal);
    }
}
