using System;
using System.IO;
using GeneratedBus.Samples.Tests.Support;

namespace GeneratedBus.Samples.Tests;

/// <summary>An application name is text from the events (from a log, once replayed): the report and the table show it as text.</summary>
public sealed class LogTextEscapingTests : IDisposable
{
    private const string Hostile = "<script>alert(1)</script>";
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_hostile_application_name_is_escaped_in_the_html_report_and_plain_text_in_the_table()
    {
        string report = _dir.File("report.html");

        SampleRun run = SampleRun.InProcess([.. SampleRun.SmallWorkload, "--app-name", Hostile + "\u001b]0;owned\u0007", "--report", report]);

        Assert.True(run.ExitCode == 0, run.Stderr);
        string html = File.ReadAllText(report);
        Assert.Contains("<p>Application &lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Application " + Hostile + "\\u001B]0;owned\\u0007 (app-", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b", run.Stdout, StringComparison.Ordinal);
    }
}
