using System.Globalization;
using System.Text.RegularExpressions;
using GeneratedBus.Tests.Shared;
using Xunit;

namespace GeneratedBus.Samples.Worker.Tests.Support;

/// <summary>The numbers of the worker's <c>Drained:</c> log line (event 203, or 204 when it does not balance).</summary>
internal sealed record DrainLine(long Posted, long Processed, long Dropped, long Run, long Rows, bool Balanced)
{
    private static readonly Regex s_pattern = new(
        @"Drained: queue store posted (\d+), processed (\d+), dropped (\d+); SQLite run (\d+) holds (\d+) rows\. (Balanced\.|NOT balanced)",
        RegexOptions.CultureInvariant);

    /// <summary>The one <c>Drained:</c> line of the worker's log; fails the test if there is not exactly one.</summary>
    public static DrainLine Of(SampleProcess worker)
    {
        string line = Assert.Single(worker.LinesWith("Drained:"));
        Match m = s_pattern.Match(line);
        Assert.True(m.Success, "the drain line does not read as expected: " + line);
        return new DrainLine(L(m, 1), L(m, 2), L(m, 3), L(m, 4), L(m, 5), m.Groups[6].Value == "Balanced.");
    }

    private static long L(Match m, int group) => long.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);
}
