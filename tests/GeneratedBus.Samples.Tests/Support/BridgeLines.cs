using System;
using System.Linq;
using System.Text.RegularExpressions;

namespace GeneratedBus.Samples.Tests.Support;

/// <summary>The "Redis bridge:" lines of both commands, read back as a script would.</summary>
internal static partial class BridgeLines
{
    /// <summary>The main job's line: posted = appended + dropped (stream full) + dropped (unreachable) + duplicates + waiting + unencodable + unconfirmed.</summary>
    public static (long Posted, long Appended, long DroppedFull, long DroppedUnreachable, long Duplicates, long Waiting, long Unencodable, long Unconfirmed, bool Balanced) Publisher(string stdout)
    {
        Match m = PublisherLine().Match(Single(stdout));
        Assert.True(m.Success, "publisher bridge line: " + Single(stdout));
        return (L(m, 1), L(m, 2), L(m, 3), L(m, 4), L(m, 5), L(m, 6), L(m, 7), L(m, 8), m.Groups[9].Value == "balanced");
    }

    /// <summary>history's line: appended = acknowledged + pending + unread, then this consumer's counts.</summary>
    public static (string Name, long Appended, long Acknowledged, long Pending, long Unread, long Delivered, long Processed, long Duplicates, long Redeliveries, long Gaps, long Undecodable, bool Balanced) Group(string stdout)
    {
        Match m = GroupLine().Match(Single(stdout));
        Assert.True(m.Success, "group bridge line: " + Single(stdout));
        return (m.Groups[1].Value, L(m, 2), L(m, 3), L(m, 4), L(m, 5), L(m, 6), L(m, 7), L(m, 8), L(m, 9), L(m, 10), L(m, 11), m.Groups[12].Value == "balanced");
    }

    private static string Single(string stdout) =>
        Assert.Single(stdout.Split('\n').Select(l => l.TrimEnd('\r')), l => l.StartsWith("Redis bridge: ", StringComparison.Ordinal));

    private static long L(Match m, int group) => long.Parse(m.Groups[group].Value, System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^Redis bridge: stream \S+, producer \S+: posted (\d+) = appended (\d+) \+ dropped \(stream full\) (\d+) \+ dropped \(unreachable\) (\d+) \+ duplicates (\d+) \+ waiting (\d+) \+ unencodable (\d+) \+ unconfirmed (\d+): (balanced|NOT BALANCED)$")]
    private static partial Regex PublisherLine();

    [GeneratedRegex(@"^Redis bridge: stream \S+, group (\S+): appended (\d+) = acknowledged (\d+) \+ pending (\d+) \+ unread (\d+); delivered (\d+), processed (\d+), duplicates (\d+), redeliveries (\d+), gaps (\d+), undecodable (\d+): (balanced|NOT BALANCED)$")]
    private static partial Regex GroupLine();
}
