using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using SparkScheduler.Listeners;

namespace SparkScheduler.Reporting;

/// <summary>
/// The live one-line progress on stderr: events posted, rate, and each queue's depth. On a terminal the line is
/// rewritten in place a few times a second; redirected, it is one plain line per second, so logs stay readable.
/// </summary>
internal sealed class ProgressLine(TextWriter writer, bool isTerminal)
{
    private static readonly TimeSpan TerminalEvery = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan PlainEvery = TimeSpan.FromSeconds(1);
    private Sample? _lastShown;
    private int _lastWidth;

    /// <summary>Shows the sample if enough time passed since the last line.</summary>
    public void Show(Sample sample)
    {
        TimeSpan every = isTerminal ? TerminalEvery : PlainEvery;
        if (_lastShown is not null && sample.ElapsedMs - _lastShown.ElapsedMs < every.TotalMilliseconds)
        {
            return;
        }

        Write(sample, _lastShown);
    }

    /// <summary>Shows the final state with the whole run's average rate and, on a terminal, ends the rewritten line.</summary>
    public void Finish(Sample sample)
    {
        // Since the last line the driver may have posted nothing (the queues were draining): the run's average says more.
        Write(sample, before: null);
        if (isTerminal)
        {
            writer.WriteLine();
        }

        writer.Flush();
    }

    private void Write(Sample sample, Sample? before)
    {
        string line = Format(sample, before);
        _lastShown = sample;
        if (isTerminal)
        {
            // Pad over the previous line's tail, which may have been longer.
            writer.Write("\r" + line.PadRight(_lastWidth));
            _lastWidth = line.Length;
        }
        else
        {
            writer.WriteLine(line);
        }

        writer.Flush();
    }

    private static string Format(Sample now, Sample? before)
    {
        double seconds = (now.ElapsedMs - (before?.ElapsedMs ?? 0)) / 1000;
        long events = now.EventsPosted - (before?.EventsPosted ?? 0);
        double rate = seconds > 0 ? events / seconds : 0;
        var line = new StringBuilder();
        line.Append(CultureInfo.InvariantCulture, $"[{now.ElapsedMs / 1000,5:F1}s] posted {now.EventsPosted,10:N0}  {rate,11:N0} ev/s  depth");
        foreach (string name in QueueNames.Shown.Where(now.Queues.ContainsKey))
        {
            QueueSample q = now.Queues[name];
            line.Append(CultureInfo.InvariantCulture, $"  {name} {q.Size:N0}");
            if (q.Dropped > 0)
            {
                line.Append(CultureInfo.InvariantCulture, $" (dropped {q.Dropped:N0})");
            }
        }

        return line.ToString();
    }
}
