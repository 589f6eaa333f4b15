using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace GeneratedBus.Samples.Tests.Support;

/// <summary>
/// The end-of-run table read back the way a script would: sections are a title line, rows, and a blank line; columns
/// are separated by whitespace.
/// </summary>
internal sealed class RunTable
{
    private readonly Dictionary<string, List<string>> _sections;

    private RunTable(Dictionary<string, List<string>> sections) => _sections = sections;

    public IReadOnlyList<QueueRow> Queues => Rows("Queues", skipHeader: true)
        .Select(c => new QueueRow(c[0], L(c[1]), L(c[2]), L(c[3]), L(c[4]), L(c[5]), L(c[6]), L(c[7]))).ToArray();

    public IReadOnlyList<ListenerRow> Listeners => Rows("Listeners", skipHeader: true)
        .Select(c => new ListenerRow(c[0], L(c[1]), L(c[2]), D(c[3]), D(c[4]))).ToArray();

    /// <summary>The raw lines of a section, for comparing runs.</summary>
    public IReadOnlyList<string> Section(string title) =>
        _sections.TryGetValue(title, out List<string>? lines) ? lines : throw new KeyNotFoundException($"No section '{title}' in the output.");

    /// <summary>A name/value row of a key-value section, such as <c>jobs.succeeded</c> in App status.</summary>
    public long Value(string section, string name)
    {
        string[] row = Rows(section, skipHeader: false).FirstOrDefault(c => c[0] == name)
            ?? throw new KeyNotFoundException($"No row '{name}' in section '{section}'.");
        return L(row[1]);
    }

    public static RunTable Parse(string stdout)
    {
        var sections = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        List<string>? current = null;
        foreach (string line in stdout.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            if (line.Length == 0)
            {
                current = null;
            }
            else if (current is null)
            {
                current = [];
                sections[line] = current;
            }
            else
            {
                current.Add(line);
            }
        }

        return new RunTable(sections);
    }

    private IEnumerable<string[]> Rows(string section, bool skipHeader) =>
        Section(section).Skip(skipHeader ? 1 : 0).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static long L(string s) => long.Parse(s, CultureInfo.InvariantCulture);

    private static double D(string s) => double.Parse(s, CultureInfo.InvariantCulture);
}
