using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using GeneratedBus;
using SparkScheduler.Listeners;
using SparkScheduler.Listeners.Liveness;

namespace SparkScheduler.Reporting;

/// <summary>
/// The self-contained HTML report: the run's tables and inline SVG charts of each queue's depth and drops over time
/// and of the time each listener type took. No script, stylesheet, font or image is loaded from anywhere.
/// </summary>
internal static class HtmlReport
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private static readonly Dictionary<string, string> Colors = new()
    {
        [QueueNames.AppStatus] = "#1f77b4",
        [QueueNames.ExecutorManagement] = "#2ca02c",
        [QueueNames.Shared] = "#9467bd",
        [QueueNames.EventLog] = "#d62728",
    };

    private static readonly string[] ListenerColors = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b"];

    /// <summary>Writes the report to <paramref name="path"/>.</summary>
    public static void Write(string path, RunResult r) => File.WriteAllText(path, Render(r), Encoding.UTF8);

    /// <summary>The report's HTML.</summary>
    public static string Render(RunResult r)
    {
        var html = new StringBuilder();
        html.Append("""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>SparkScheduler run report</title>
            <style>
            body{font-family:system-ui,sans-serif;margin:24px;color:#222;background:#fafafa}
            h1{font-size:22px;margin:0 0 4px} h2{font-size:17px;margin:28px 0 8px}
            p.lead{color:#555;margin:0 0 12px}
            table{border-collapse:collapse;background:#fff;font-size:13px}
            th,td{border:1px solid #ddd;padding:4px 10px;text-align:right} th:first-child,td:first-child{text-align:left}
            th{background:#f0f0f0} td.bad{color:#b00020;font-weight:600}
            .charts{display:flex;flex-wrap:wrap;gap:16px} figure.chart{margin:0;background:#fff;border:1px solid #ddd;padding:4px}
            </style></head><body>
            """);
        html.Append(Inv, $"<h1>SparkScheduler run report</h1><p class=\"lead\">{r.Stats.EventsPosted:N0} events in {r.Elapsed.TotalSeconds:F2} s, seed {r.Options.Seed}; ");
        html.Append(Inv, $"{r.Options.Jobs} jobs &times; {r.Options.StagesPerJob} stages &times; {r.Options.TasksPerStage} tasks on {r.Options.Executors} executors. ");
        html.Append(Esc(DropSummary(r))).Append("</p>\n");
        html.Append("<p>Application ").Append(Esc(r.AppStatus.ApplicationName)).Append(" (").Append(Esc(r.AppStatus.ApplicationId)).Append(")</p>\n");

        QueueTable(html, r);
        ListenerTable(html, r);

        html.Append("<h2>Queue depth and drops over time</h2><div class=\"charts\">\n");
        foreach (QueueStats q in r.QueuesInOrder())
        {
            Figure(html, SvgChart.Lines($"{q.Name}: depth (capacity {q.Capacity:N0})", "seconds", "waiting events",
            [
                new Series("depth", Color(q.Name), Points(r, s => s.Queues.TryGetValue(q.Name, out QueueSample x) ? x.Size : 0)),
                new Series("capacity", "#999", [(0, q.Capacity), (r.Samples[^1].ElapsedMs / 1000, q.Capacity)], Dashed: true),
            ]));
            Figure(html, SvgChart.Lines($"{q.Name}: dropped so far ({q.Dropped:N0})", "seconds", "events",
            [
                new Series("dropped", "#d62728", Points(r, s => s.Queues.TryGetValue(q.Name, out QueueSample x) ? x.Dropped : 0)),
                new Series("posted", "#bbb", Points(r, s => s.Queues.TryGetValue(q.Name, out QueueSample x) ? x.Posted : 0), Dashed: true),
            ]));
        }

        html.Append("</div>\n<h2>Time spent in each listener type</h2><div class=\"charts\">\n");
        ListenerStats[] listeners = r.ListenersInOrder().ToArray();
        Figure(html, SvgChart.Lines("listener time so far", "seconds", "milliseconds in handlers", listeners.Select((l, i) =>
            new Series(l.ListenerType.Name, ListenerColors[i % ListenerColors.Length], Points(r, s => s.ListenerMs.GetValueOrDefault(l.ListenerType.Name)))).ToArray()));
        Figure(html, SvgChart.Bars("mean time per event (µs)", listeners.Select((l, i) =>
        {
            double mean = ListenerTiming.MeanMicroseconds(l);
            return new Bar(l.ListenerType.Name, ListenerColors[i % ListenerColors.Length], mean, mean.ToString("N2", Inv) + " µs");
        }).ToArray()));
        html.Append("</div>\n");

        html.Append("<h2>App status</h2><table><tr><th>measure</th><th>value</th></tr>\n");
        foreach ((string name, string value) in r.AppStatus.Rows())
        {
            html.Append(Inv, $"<tr><td>{Esc(name)}</td><td>{Esc(value)}</td></tr>\n");
        }

        html.Append("</table>\n");
        LivenessTable(html, r);
        html.Append("</body></html>\n");
        return html.ToString();
    }

    /// <summary>One sentence on drops and balance, computed from the stats rather than promised.</summary>
    public static string DropSummary(RunResult r)
    {
        QueueStats[] queues = r.QueuesInOrder().ToArray();
        string[] dropped = queues.Where(q => q.Dropped > 0).Select(q => $"{q.Name} ({q.Dropped:N0})").ToArray();
        string[] unbalanced = queues.Where(q => !RunResult.Balanced(q)).Select(q => q.Name).ToArray();
        string drops = dropped.Length == 0 ? "No queue dropped an event" : "Queues that dropped events: " + string.Join(", ", dropped);
        string balance = unbalanced.Length == 0
            ? "every queue satisfies posted = processed + dropped."
            : "posted = processed + dropped does NOT hold for " + string.Join(", ", unbalanced) + ".";
        return string.Create(Inv, $"{drops}; {balance}");
    }

    private static void LivenessTable(StringBuilder html, RunResult r)
    {
        html.Append("<h2>Executor liveness</h2><table><tr><th>measure</th><th>value</th></tr>\n");
        html.Append(Inv, $"<tr><td>executors.expired</td><td>{r.Liveness.Expired.Count}</td></tr>\n");
        string failures = r.Liveness.Failures > 0 ? $"<td class=\"bad\">{r.Liveness.Failures:N0}</td>" : "<td>0</td>";
        html.Append(Inv, $"<tr><td>failures</td>{failures}</tr>\n");
        foreach (ExpiredExecutor x in r.Liveness.Expired)
        {
            html.Append(Inv, $"<tr><td>expired {Esc(x.ExecutorId)}</td><td>silent {x.ExpiredAt - x.LastSeen:N0} ms</td></tr>\n");
        }

        foreach (System.Exception e in r.Liveness.FirstErrors)
        {
            html.Append(Inv, $"<tr><td>failure</td><td class=\"bad\">{Esc(e.GetType().Name + ": " + e.Message)}</td></tr>\n");
        }

        html.Append("</table>\n");
    }

    private static void QueueTable(StringBuilder html, RunResult r)
    {
        html.Append("<h2>Queues</h2><table><tr><th>queue</th><th>capacity</th><th>posted</th><th>processed</th><th>dropped</th><th>driver waits</th><th>waited ms</th></tr>\n");
        foreach (QueueStats q in r.QueuesInOrder())
        {
            string dropped = q.Dropped > 0 ? $"<td class=\"bad\">{q.Dropped:N0}</td>" : "<td>0</td>";
            ProducerWaits w = r.WaitsOf(q.Name);
            html.Append(Inv, $"<tr><td>{Esc(q.Name)}</td><td>{q.Capacity:N0}</td><td>{q.Posted:N0}</td><td>{q.Processed:N0}</td>{dropped}<td>{w.Waits:N0}</td><td>{w.Waited.TotalMilliseconds:N0}</td></tr>\n");
        }

        html.Append("</table>\n");
    }

    private static void ListenerTable(StringBuilder html, RunResult r)
    {
        html.Append("<h2>Listeners</h2><table><tr><th>listener type</th><th>events</th><th>failures</th><th>mean µs</th><th>max µs</th><th>total ms</th></tr>\n");
        foreach (ListenerStats l in r.ListenersInOrder())
        {
            double mean = ListenerTiming.MeanMicroseconds(l);
            html.Append(Inv, $"<tr><td>{Esc(l.ListenerType.Name)}</td><td>{l.Events:N0}</td><td>{l.Failures:N0}</td><td>{mean:N2}</td><td>{l.MaxTime.TotalMicroseconds:N0}</td><td>{l.TotalTime.TotalMilliseconds:N0}</td></tr>\n");
        }

        html.Append("</table>\n");
    }

    private static void Figure(StringBuilder html, string svg) =>
        html.Append("<figure class=\"chart\">").Append(svg).Append("</figure>\n");

    private static (double X, double Y)[] Points(RunResult r, System.Func<Sample, double> y) =>
        r.Samples.Select(s => (s.ElapsedMs / 1000, y(s))).ToArray();

    private static string Color(string queue) => Colors.GetValueOrDefault(queue, "#555");

    private static string Esc(string text) => WebUtility.HtmlEncode(text);
}
