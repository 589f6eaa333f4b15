using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;
using GeneratedBus;

namespace Acme.Telemetry;

/// <summary>The root of a bus whose events cover every member shape the JSON codec handles.</summary>
public abstract record TelemetryEvent;

/// <summary>An enum written by name.</summary>
public enum Level
{
    /// <summary>Low.</summary>
    Low,

    /// <summary>Medium.</summary>
    Medium,

    /// <summary>High.</summary>
    High,
}

/// <summary>A flags enum: combinations have no name and are written as numbers.</summary>
[Flags]
public enum Channels : byte
{
    /// <summary>None.</summary>
    None = 0,

    /// <summary>Email.</summary>
    Email = 1,

    /// <summary>Sms.</summary>
    Sms = 2,
}

/// <summary>A nested positional record.</summary>
public sealed record Host(string Name, int Port);

/// <summary>A nested class with settable and init properties, recursive through a list.</summary>
public sealed class Limits
{
    /// <summary>Settable, with an initial value a missing member keeps.</summary>
    public int Max { get; set; } = 10;

    /// <summary>Init-only and nullable.</summary>
    public string? Note { get; init; }

    /// <summary>Nested limits.</summary>
    public List<Limits>? Children { get; set; }
}

/// <summary>A nested record struct.</summary>
public readonly record struct Window(long From, long To);

/// <summary>Every integral and floating type.</summary>
[BusEvent]
public sealed record Numbers(bool Flag, byte B, sbyte Sb, short S, ushort Us, int I, uint Ui, long L, ulong Ul, float F, double D, decimal M) : TelemetryEvent;

/// <summary>The date and time types and Guid.</summary>
[BusEvent]
public sealed record Times(DateTime When, DateTimeOffset At, TimeSpan Took, Guid Key) : TelemetryEvent;

/// <summary>Nullable value types and references.</summary>
[BusEvent]
public sealed record Nullables(int? A, double? B, Level? C, DateTimeOffset? D, List<int?> E, string? F) : TelemetryEvent;

/// <summary>Nested types, collections, dictionaries, enums, a tuple, renamed and ignored members, every way of setting one.</summary>
[BusEvent("TelemetryStarted", Aliases = new[] { "org.acme.TelemetryStarted" })]
public sealed record Started(
    [property: JsonPropertyName("Host Info")] Host Host,
    string? Comment,
    Level Level,
    Channels Channels,
    int? Retries,
    IReadOnlyList<string> Tags,
    Window[] Windows,
    IReadOnlyDictionary<string, long>? Counters,
    Dictionary<string, Host?> Peers,
    (long Id, string Note) Pair,
    int Attempt = 1) : TelemetryEvent
{
    /// <summary>Left out by [JsonIgnore] (an object, which the codec could not write).</summary>
    [JsonIgnore]
    public object? Scratch { get; init; }

    /// <summary>A nested class, nullable.</summary>
    public Limits? Limits { get; init; }

    /// <summary>A required member.</summary>
    public required Guid Id { get; init; }

    /// <summary>Init-only with an initializer: a missing member keeps "ms".</summary>
    public string Unit { get; init; } = "ms";

    /// <summary>Settable with an initializer: a missing member keeps 5.</summary>
    public int Settable { get; set; } = 5;

    /// <summary>Computed: not written, since it could not be read back.</summary>
    public int WindowCount => Windows.Length;
}
