using System;
using System.Collections.Generic;
using System.Globalization;

namespace GeneratedBus.Redis.ProcessHost;

/// <summary>The host's options: <c>--name value</c> pairs after the mode.</summary>
internal sealed class HostArguments
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public HostArguments(IReadOnlyList<string> args)
    {
        for (int i = 0; i < args.Count; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
                throw new ArgumentException($"Expected '--name value' pairs, got '{string.Join(' ', args)}'.");
            _values[args[i][2..]] = args[i + 1];
        }
    }

    public string Text(string name) =>
        _values.TryGetValue(name, out string? value) ? value : throw new ArgumentException($"--{name} is required.");

    public long Number(string name, long? fallback = null) =>
        _values.TryGetValue(name, out string? value) ? long.Parse(value, CultureInfo.InvariantCulture)
        : fallback ?? throw new ArgumentException($"--{name} is required.");
}
