using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace GeneratedBus.Benchmarks.Quick;

/// <summary>A goal's bound: the comparison, the limit and its unit, and whether ours must also allocate nothing.</summary>
/// <param name="Op"><c>&lt;=</c>, <c>&gt;=</c>, <c>&lt;</c>, or <see cref="Measured"/>'s text for a figure with no target.</param>
/// <param name="Limit">The number the value is compared with.</param>
/// <param name="Unit">What follows a value: <c>x</c> for a ratio, <c>%</c>, <c> s</c>.</param>
/// <param name="ZeroBytes">Whether ours must allocate 0 B per operation too.</param>
public sealed record Bound(string Op, double Limit, string Unit, bool ZeroBytes)
{
    /// <summary>The <see cref="Op"/> of a figure the issue asks to report without a target (issue 13's latencies).</summary>
    public const string Measured = "reported";

    /// <summary>Whether this row only reports its value: no target, so neither met nor missed.</summary>
    public bool IsReportOnly => Op == Measured;

    /// <summary>A bound that reports a value in <paramref name="unit"/> and judges nothing.</summary>
    public static Bound ReportOnly(string unit) => new(Measured, 0, unit, false);

    /// <summary>Whether <paramref name="value"/> is within the bound (the bytes aside); always, for a report-only row.</summary>
    public bool Holds(double value) => Op switch
    {
        "<=" => value <= Limit,
        ">=" => value >= Limit,
        Measured => true,
        _ => value < Limit,
    };

    /// <summary>The "met" cell of a row with this bound: "-" when there is no target.</summary>
    public string MetCell(bool met) => IsReportOnly ? "-" : met ? "yes" : "NO";

    /// <summary><paramref name="value"/> with this bound's unit.</summary>
    public string Format(double value) => string.Create(CultureInfo.InvariantCulture, $"{value:0.00}{Unit}");

    public override string ToString() => IsReportOnly ? "no target" : $"{Op} {Format(Limit)}{(ZeroBytes ? ", 0 B" : "")}";
}

/// <summary>One row of the goal table: what was measured against what, the value judged, and whether it met its bound.</summary>
/// <param name="Id">The goal's number in issue 10, or <c>extra</c>.</param>
/// <param name="Scenario">What the row measures; unique within a table.</param>
/// <param name="Ours">Our measurement, as text.</param>
/// <param name="Baseline">The baseline's measurement, as text.</param>
/// <param name="Value">The value judged (a ratio, a share, seconds); NaN when the scenario did not run.</param>
/// <param name="Bound">The bound.</param>
/// <param name="Met">Whether the value (and the bytes, where the bound asks) met the bound.</param>
public sealed record GoalRow(string Id, string Scenario, string Ours, string Baseline, double Value, Bound Bound, bool Met)
{
    /// <summary>A row for a scenario that did not run in this process.</summary>
    public static GoalRow NotRun(string id, string scenario, Bound bound) => new(id, scenario, "not run", "not run", double.NaN, bound, false);

    /// <summary>A row for a scenario that could not run here, saying why (for example no redis-server).</summary>
    public static GoalRow Skipped(string id, string scenario, Bound bound, string why) => new(id, scenario, why, "", double.NaN, bound, false);

    /// <summary>The markdown table of <paramref name="rows"/>, in goal order (a stable sort, so each goal's rows keep theirs).</summary>
    public static string Table(IEnumerable<GoalRow> rows)
    {
        var table = new StringBuilder();
        table.AppendLine("| goal | scenario | ours | baseline | value | target | met |");
        table.AppendLine("|---|---|---|---|---|---|---|");
        foreach (GoalRow row in InGoalOrder(rows))
        {
            string value = double.IsNaN(row.Value) ? "" : row.Bound.Format(row.Value);
            string met = double.IsNaN(row.Value) ? "?" : row.Bound.MetCell(row.Met);
            table.AppendLine(CultureInfo.InvariantCulture, $"| {row.Id} | {row.Scenario} | {row.Ours} | {row.Baseline} | {value} | {row.Bound} | {met} |");
        }

        return table.ToString();
    }

    /// <summary><paramref name="rows"/> by goal number, then as they came; <c>extra</c> rows last.</summary>
    public static IEnumerable<GoalRow> InGoalOrder(IEnumerable<GoalRow> rows) =>
        rows.OrderBy(r => int.TryParse(r.Id, NumberStyles.None, CultureInfo.InvariantCulture, out int n) ? n : int.MaxValue);

    /// <summary>One tab-separated line, what <c>--launches</c> reads back from each launch.</summary>
    public string ToTsv() => string.Join('\t',
        Id, Scenario, Ours, Baseline, Value.ToString("R", CultureInfo.InvariantCulture), Bound.Op,
        Bound.Limit.ToString("R", CultureInfo.InvariantCulture), Bound.Unit, Bound.ZeroBytes, Met);

    /// <summary>The row <see cref="ToTsv"/> wrote.</summary>
    public static GoalRow FromTsv(string line)
    {
        string[] f = line.Split('\t');
        var bound = new Bound(f[5], double.Parse(f[6], CultureInfo.InvariantCulture), f[7], bool.Parse(f[8]));
        return new GoalRow(f[0], f[1], f[2], f[3], double.Parse(f[4], CultureInfo.InvariantCulture), bound, bool.Parse(f[9]));
    }
}
