namespace GeneratedBus.Generators.Tests.Inputs;

/// <summary>Inputs for the JSON codec's snapshot and compile-clean tests: every member shape the codec handles.</summary>
public static class CodecInputs
{
    public const string EveryShape = """
        using System;
        using System.Collections.Generic;
        using System.Text.Json.Serialization;
        using GeneratedBus;

        namespace Acme.Telemetry;

        public abstract record TelemetryEvent(DateTimeOffset At);

        public enum Level { Low, Medium, High, Highest = High }

        [Flags]
        public enum Channels : byte { None = 0, Email = 1, Sms = 2 }

        public sealed record Host(string Name, int Port);

        public sealed class Limits
        {
            public int Max { get; set; } = 10;
            public string? Note { get; init; }
            public List<Limits>? Children { get; set; }
        }

        public readonly record struct Range(long From, long To);

        [BusEvent("TelemetryStarted", Aliases = new[] { "org.acme.TelemetryStarted" })]
        public sealed record Started(
            DateTimeOffset At,
            [property: JsonPropertyName("Host Info")] Host Host,
            string? Comment,
            Level Level,
            Channels Channels,
            int? Retries,
            IReadOnlyList<string> Tags,
            Range[] Ranges,
            IReadOnlyDictionary<string, long>? Counters,
            Dictionary<string, Host?> Peers,
            int Attempt = 1) : TelemetryEvent(At)
        {
            [JsonIgnore]
            public object? Scratch { get; init; }

            public Limits? Limits { get; init; }

            public required Guid Id { get; init; }

            public int Total => Ranges.Length;
        }

        [BusEvent]
        public sealed record Sample(
            DateTimeOffset At,
            bool Flag, byte B, sbyte Sb, short S, ushort Us, int I, uint Ui, long L, ulong Ul,
            float F, double D, decimal M, DateTime When, TimeSpan Took, Guid Key, List<double?> Values) : TelemetryEvent(At)
        {
            public string Unit { get; init; } = "ms";
        }
        """;

    public const string NullableOblivious = """
        using System.Collections.Generic;
        using GeneratedBus;

        namespace Acme.Telemetry;

        public abstract record TelemetryEvent;

        public sealed class Node
        {
            public string Name { get; set; }
            public List<Node> Children { get; set; }
        }

        [BusEvent]
        public sealed record Seen(string Who, Node Tree, IReadOnlyList<string> Tags, Dictionary<string, string> Labels, int? Count, (long Id, string Note) Pair) : TelemetryEvent;
        """;

    public const string UnsupportedMembers = """
        using System;
        using System.Collections.Generic;
        using GeneratedBus;

        namespace Acme.Telemetry;

        public abstract record TelemetryEvent;

        public interface IPayload { }

        [BusEvent]
        public sealed record Bad(object Anything, IPayload Payload, Action Callback, Dictionary<int, string> ByNumber, int Ok) : TelemetryEvent;
        """;
}
