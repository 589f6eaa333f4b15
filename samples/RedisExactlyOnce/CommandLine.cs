using System;
using System.Collections.Generic;
using System.Globalization;

namespace RedisExactlyOnce;

/// <summary>The <c>--name value</c> pairs after the command, with a clear message for a missing or malformed one.</summary>
public sealed class CommandLine
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    /// <summary>Reads <paramref name="args"/> (every option takes one value).</summary>
    /// <exception cref="ArgumentException">An argument is not a <c>--name value</c> pair.</exception>
    public CommandLine(IReadOnlyList<string> args)
    {
        for (int i = 0; i < args.Count; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
            {
                throw new ArgumentException($"Expected '--name value' pairs; '{args[i]}' is not one.");
            }

            _values[args[i][2..]] = args[i + 1];
        }
    }

    /// <summary>The value of <c>--<paramref name="name"/></c>, or <paramref name="fallback"/>; required when that is null.</summary>
    public string Text(string name, string? fallback = null) =>
        _values.TryGetValue(name, out string? value) ? value
        : fallback ?? throw new ArgumentException($"--{name} is required.");

    /// <summary>The whole number of <c>--<paramref name="name"/></c>, or null when it is not given.</summary>
    public long? Number(string name)
    {
        if (!_values.TryGetValue(name, out string? value))
        {
            return null;
        }

        return long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out long number) && number > 0
            ? number
            : throw new ArgumentException($"--{name} must be a whole number above 0; it is '{value}'.");
    }
}
