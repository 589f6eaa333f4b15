using System.Collections.Generic;
using System.IO;
using SparkScheduler.Reporting;

namespace GeneratedBus.Samples.Tests;

/// <summary>The live progress line: rewritten in place on a terminal, one line per second otherwise.</summary>
public sealed class ProgressLineTests
{
    [Fact]
    public void On_a_terminal_the_line_is_rewritten_in_place_and_ended_once()
    {
        var err = new StringWriter();
        var progress = new ProgressLine(err, isTerminal: true);
        progress.Show(At(300, 1_000));
        progress.Show(At(600, 2_000));
        progress.Finish(At(700, 2_500));

        string text = err.ToString();
        Assert.Equal(3, text.Split('\r').Length - 1);
        Assert.EndsWith("\n", text, System.StringComparison.Ordinal);
        Assert.Single(text.Split('\n', System.StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("posted      2,500", text, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Redirected_it_prints_at_most_one_plain_line_per_second()
    {
        var err = new StringWriter();
        var progress = new ProgressLine(err, isTerminal: false);
        progress.Show(At(100, 1_000));    // shown: the first
        progress.Show(At(600, 2_000));    // within a second of it: skipped
        progress.Show(At(1_150, 3_000));  // shown
        progress.Finish(At(1_200, 3_100)); // the final state is always shown

        string[] lines = err.ToString().Split('\n', System.StringSplitOptions.RemoveEmptyEntries);
        Assert.DoesNotContain('\r', err.ToString());
        Assert.Equal(3, lines.Length);
        Assert.Contains("appStatus 7", lines[0], System.StringComparison.Ordinal);
        Assert.Contains("eventLog 10 (dropped 42)", lines[0], System.StringComparison.Ordinal);
    }

    [Fact]
    public void The_final_line_shows_the_whole_runs_average_rate_even_when_nothing_was_posted_since_the_last_line()
    {
        var err = new StringWriter();
        var progress = new ProgressLine(err, isTerminal: false);
        progress.Show(At(1_000, 40_000));
        progress.Finish(At(2_000, 40_000)); // draining: no post since the last line

        string last = err.ToString().Split('\n', System.StringSplitOptions.RemoveEmptyEntries)[^1];
        Assert.Contains(" 20,000 ev/s", last, System.StringComparison.Ordinal); // 40,000 events in 2 s
    }

    private static Sample At(double ms, long posted) => new(
        ms,
        posted,
        new Dictionary<string, QueueSample>
        {
            [SparkScheduler.Listeners.QueueNames.AppStatus] = new(7, posted, 0),
            [SparkScheduler.Listeners.QueueNames.EventLog] = new(10, posted, 42),
        },
        new Dictionary<string, double>());
}
