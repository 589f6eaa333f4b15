using System;
using System.Linq;
using System.Text;

namespace GeneratedBus.Testing;

/// <summary>A small readable diff: the shared head and tail are skipped, the changed middle shown as -/+ lines.</summary>
internal static class LineDiff
{
    private const int Context = 3;

    /// <summary>Describes how <paramref name="actual"/> differs from <paramref name="expected"/>.</summary>
    public static string Describe(string expected, string actual)
    {
        string[] before = expected.Split('\n');
        string[] after = actual.Split('\n');
        int head = 0;
        while (head < before.Length && head < after.Length && before[head] == after[head])
        {
            head++;
        }

        int tail = 0;
        while (tail < before.Length - head && tail < after.Length - head && before[^(tail + 1)] == after[^(tail + 1)])
        {
            tail++;
        }

        var text = new StringBuilder();
        int from = Math.Max(0, head - Context);
        text.AppendLine($"@@ line {from + 1} @@");
        foreach (string line in before.Skip(from).Take(head - from))
        {
            text.Append("  ").AppendLine(line);
        }

        foreach (string line in before.Skip(head).Take(before.Length - head - tail))
        {
            text.Append("- ").AppendLine(line);
        }

        foreach (string line in after.Skip(head).Take(after.Length - head - tail))
        {
            text.Append("+ ").AppendLine(line);
        }

        foreach (string line in after.Skip(after.Length - tail).Take(Context))
        {
            text.Append("  ").AppendLine(line);
        }

        return text.ToString();
    }
}
