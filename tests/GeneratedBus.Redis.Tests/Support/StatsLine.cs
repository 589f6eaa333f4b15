using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace GeneratedBus.Redis.Tests.Support;

/// <summary>A host process's last line: its mode, then <c>key=value</c> pairs.</summary>
public sealed class StatsLine
{
    private readonly Dictionary<string, string> _values;
    private readonly string _line;

    private StatsLine(string line, Dictionary<string, string> values)
    {
        _line = line;
        _values = values;
    }

    public static StatsLine Parse(string line) => new(line, line.Split(' ', StringSplitOptions.RemoveEmptyEntries)
        .Where(token => token.Contains('=', StringComparison.Ordinal))
        .Select(token => token.Split('=', 2))
        .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.Ordinal));

    public long this[string key] => _values.TryGetValue(key, out string? value)
        ? long.Parse(value, CultureInfo.InvariantCulture)
        : throw new KeyNotFoundException($"'{key}' is not in: {_line}");

    public bool Balanced => _values.TryGetValue("balanced", out string? value) && value == "True";

    public override string ToString() => _line;
}
