using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text;

namespace GeneratedBus;

/// <summary>
/// The text tables <see cref="BusStats"/>, <see cref="QueueStats"/> and <see cref="ListenerStats"/> print as: a header
/// row and one row per queue or listener type, columns padded to their widest cell, text left and numbers right.
/// </summary>
internal static class StatsTable
{
    /// <summary>
    /// The columns of a queue row: <c>posted = processed + dropped</c> (once drained), and <c>skipped</c> counts the
    /// events offered that no listener on the queue handles, so they were never posted to it.
    /// </summary>
    public static readonly string[] QueueHeader = ["queue", "capacity", "size", "posted", "processed", "dropped", "skipped"];

    /// <summary>The columns of a listener row.</summary>
    public static readonly string[] ListenerHeader = ["listener", "events", "failures", "mean", "max", "total"];

    public static string[] Row(QueueStats q) =>
        [q.Name, Number(q.Capacity), Number(q.Size), Number(q.Posted), Number(q.Processed), Number(q.Dropped), Number(q.Skipped)];

    public static string[] Row(ListenerStats l) =>
        [l.ListenerType.Name, Number(l.Events), Number(l.Failures), Duration(l.MeanTime), Duration(l.MaxTime), Duration(l.TotalTime)];

    /// <summary>Writes <paramref name="header"/> and <paramref name="rows"/> as aligned lines.</summary>
    public static void Write(StringBuilder text, string[] header, IEnumerable<string[]> rows)
    {
        List<string[]> all = [header, .. rows];
        Debug.Assert(all.TrueForAll(r => r.Length == header.Length), "Every row has a cell per column.");
        int[] widths = Enumerable.Range(0, header.Length).Select(c => all.Max(r => r[c].Length)).ToArray();
        foreach (string[] row in all)
        {
            for (int c = 0; c < row.Length; c++)
            {
                // The first column names the row: left-aligned; the others are numbers: right-aligned.
                text.Append(c == 0 ? row[c].PadRight(widths[c]) : "  " + row[c].PadLeft(widths[c]));
            }

            text.AppendLine();
        }
    }

    /// <summary>A one-table text: <see cref="QueueStats.ToString"/>, <see cref="ListenerStats.ToString"/>.</summary>
    public static string Of(string[] header, string[] row)
    {
        var text = new StringBuilder();
        Write(text, header, [row]);
        return text.ToString().TrimEnd();
    }

    private static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>A time in the unit that reads best: ns, µs, ms or s, three significant figures or so.</summary>
    public static string Duration(TimeSpan time)
    {
        double seconds = time.TotalSeconds;
        return seconds switch
        {
            0 => "0",
            < 1e-6 => Format(seconds * 1e9, "ns"),
            < 1e-3 => Format(seconds * 1e6, "µs"),
            < 1 => Format(seconds * 1e3, "ms"),
            _ => Format(seconds, "s"),
        };
    }

    private static string Format(double value, string unit) =>
        value.ToString(value < 10 ? "0.##" : value < 100 ? "0.#" : "0", CultureInfo.InvariantCulture) + " " + unit;
}
