using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Text;

namespace SparkScheduler.Reporting;

/// <summary>A named line of (x, y) points in a chart.</summary>
internal sealed record Series(string Name, string Color, IReadOnlyList<(double X, double Y)> Points, bool Dashed = false);

/// <summary>A named bar in a bar chart.</summary>
internal sealed record Bar(string Name, string Color, double Value, string Label);

/// <summary>Inline SVG charts: plain markup, no script and no external asset, so the report opens anywhere.</summary>
internal static class SvgChart
{
    private const int Width = 560, Height = 240, Left = 64, Right = 16, Top = 44, Bottom = 40, LegendRow = 14;
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>A line chart with axes, a few gridlines and a legend.</summary>
    public static string Lines(string title, string xLabel, string yLabel, IReadOnlyList<Series> series)
    {
        double xMax = Math.Max(1e-9, series.SelectMany(s => s.Points).Select(p => p.X).DefaultIfEmpty(1).Max());
        double yMax = NiceCeiling(series.SelectMany(s => s.Points).Select(p => p.Y).DefaultIfEmpty(1).Max());
        var svg = Open(title);
        int top = Top + ((LegendRows(series.Select(x => x.Name)) - 1) * LegendRow);
        Axes(svg, xLabel, yLabel, xMax, yMax, top);
        foreach (Series s in series)
        {
            string dash = s.Dashed ? " stroke-dasharray=\"6 4\"" : "";
            svg.Append(Inv, $"<polyline fill=\"none\" stroke=\"{s.Color}\" stroke-width=\"2\"{dash} points=\"");
            foreach ((double x, double y) in s.Points)
            {
                svg.Append(Inv, $"{X(x, xMax):F1},{Y(y, yMax, top):F1} ");
            }

            svg.Append("\"/>\n");
        }

        Legend(svg, series.Select(s => (s.Name, s.Color)));
        return svg.Append("</svg>").ToString();
    }

    /// <summary>A horizontal bar chart, one bar per entry, each labelled with its value.</summary>
    public static string Bars(string title, IReadOnlyList<Bar> bars)
    {
        const int barHeight = 26, labelWidth = 200;
        int height = Top + (bars.Count * (barHeight + 8)) + 12;
        double max = Math.Max(1e-9, bars.Select(b => b.Value).DefaultIfEmpty(1).Max());
        var svg = Open(title, height);
        for (int i = 0; i < bars.Count; i++)
        {
            Bar b = bars[i];
            int y = Top + (i * (barHeight + 8));
            double w = Math.Max(1, (Width - labelWidth - 90) * b.Value / max);
            svg.Append(Inv, $"""<text x="{labelWidth - 8}" y="{y + 18}" text-anchor="end">{Esc(b.Name)}</text>""");
            svg.Append(Inv, $"""<rect x="{labelWidth}" y="{y}" width="{w:F1}" height="{barHeight}" fill="{b.Color}"/>""");
            svg.Append(Inv, $"""<text x="{labelWidth + w + 6:F1}" y="{y + 18}">{Esc(b.Label)}</text>""").Append('\n');
        }

        return svg.Append("</svg>").ToString();
    }

    private static StringBuilder Open(string title, int height = Height)
    {
        var svg = new StringBuilder();
        svg.Append(Inv, $"""<svg viewBox="0 0 {Width} {height}" width="{Width}" height="{height}" role="img" aria-label="{Esc(title)}" font-family="system-ui, sans-serif" font-size="12">""");
        svg.Append(Inv, $"""<rect width="{Width}" height="{height}" fill="#fff"/><text x="{Left}" y="18" font-size="14" font-weight="600">{Esc(title)}</text>""").Append('\n');
        return svg;
    }

    private static void Axes(StringBuilder svg, string xLabel, string yLabel, double xMax, double yMax, int top)
    {
        for (int i = 0; i <= 4; i++)
        {
            double v = yMax * i / 4;
            double y = Y(v, yMax, top);
            svg.Append(Inv, $"""<line x1="{Left}" y1="{y:F1}" x2="{Width - Right}" y2="{y:F1}" stroke="#e3e3e3"/>""");
            svg.Append(Inv, $"""<text x="{Left - 6}" y="{y + 4:F1}" text-anchor="end" fill="#555">{Short(v)}</text>""").Append('\n');
        }

        for (int i = 0; i <= 4; i++)
        {
            double v = xMax * i / 4;
            svg.Append(Inv, $"""<text x="{X(v, xMax):F1}" y="{Height - Bottom + 16}" text-anchor="middle" fill="#555">{v:0.#}</text>""");
        }

        svg.Append(Inv, $"""<line x1="{Left}" y1="{Height - Bottom}" x2="{Width - Right}" y2="{Height - Bottom}" stroke="#333"/>""");
        svg.Append(Inv, $"""<line x1="{Left}" y1="{top}" x2="{Left}" y2="{Height - Bottom}" stroke="#333"/>""");
        svg.Append(Inv, $"""<text x="{(Left + Width - Right) / 2}" y="{Height - 6}" text-anchor="middle" fill="#333">{Esc(xLabel)}</text>""");
        svg.Append(Inv, $"""<text transform="translate(14 {(top + Height - Bottom) / 2}) rotate(-90)" text-anchor="middle" fill="#333">{Esc(yLabel)}</text>""").Append('\n');
    }

    // Rows under the title, left to right, wrapping before the right edge, so long names never overlap.
    private static void Legend(StringBuilder svg, IEnumerable<(string Name, string Color)> entries)
    {
        foreach ((string name, string color, double x, int row) in LegendLayout(entries.Select(e => e.Name)).Zip(entries, (l, e) => (e.Name, e.Color, l.X, l.Row)))
        {
            int y = 24 + (row * LegendRow);
            svg.Append(Inv, $"""<rect x="{x:F1}" y="{y}" width="12" height="12" fill="{color}"/><text x="{x + 16:F1}" y="{y + 10}">{Esc(name)}</text>""");
        }

        svg.Append('\n');
    }

    private static int LegendRows(IEnumerable<string> names) => LegendLayout(names).Select(l => l.Row).DefaultIfEmpty(0).Max() + 1;

    private static IEnumerable<(double X, int Row)> LegendLayout(IEnumerable<string> names)
    {
        double x = Left;
        int row = 0;
        foreach (string name in names)
        {
            double width = 30 + (name.Length * 6.5);
            if (x > Left && x + width > Width - Right)
            {
                x = Left;
                row++;
            }

            yield return (x, row);
            x += width;
        }
    }

    private static double X(double x, double xMax) => Left + ((Width - Left - Right) * x / xMax);

    private static double Y(double y, double yMax, int top) => Height - Bottom - ((Height - top - Bottom) * y / yMax);

    // 1, 2 or 5 times a power of ten, so gridlines fall on round numbers.
    private static double NiceCeiling(double v)
    {
        if (v <= 0)
        {
            return 1;
        }

        double power = Math.Pow(10, Math.Floor(Math.Log10(v)));
        foreach (double step in new[] { 1, 2, 5, 10 })
        {
            if (v <= step * power)
            {
                return step * power;
            }
        }

        return 10 * power;
    }

    private static string Short(double v) => v switch
    {
        >= 1e6 => (v / 1e6).ToString("0.##", Inv) + "M",
        >= 1e3 => (v / 1e3).ToString("0.##", Inv) + "k",
        _ => v.ToString("0.##", Inv),
    };

    private static string Esc(string text) => WebUtility.HtmlEncode(text);
}
