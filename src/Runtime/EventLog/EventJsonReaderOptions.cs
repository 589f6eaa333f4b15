using System;
using System.Text.Json;

namespace GeneratedBus.EventLog;

/// <summary>The limits a codec reads a line under.</summary>
public sealed class EventJsonReaderOptions
{
    /// <summary>The nesting depth allowed when none is set, as <see cref="JsonReaderOptions"/>' own default.</summary>
    public const int DefaultMaxDepth = 64;

    /// <summary>The options with the default limits.</summary>
    public static EventJsonReaderOptions Default { get; } = new();

    private readonly int _maxDepth = DefaultMaxDepth;

    /// <summary>
    /// How deep objects and arrays may nest in a line: 1 allows the event's own members only, 2 an object or array in
    /// them, and so on. A deeper line is malformed.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int MaxDepth
    {
        get => _maxDepth;
        init => _maxDepth = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "MaxDepth must be at least 1.");
    }

    /// <summary>The reader options these limits make: strict JSON, no comments, no trailing commas.</summary>
    internal JsonReaderOptions ReaderOptions => new() { MaxDepth = _maxDepth };
}
