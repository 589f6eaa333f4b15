using GeneratedBus.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace GeneratedBus.Generators.Tests.Diagnostics;

/// <summary>The JSON codec's diagnostics.</summary>
public partial class DiagnosticTests
{
    [Theory]
    [InlineData("object", "'object' says nothing about what to write")]
    [InlineData("System.IDisposable", "it is an interface or abstract")]
    [InlineData("System.Action", "a delegate is code, not data")]
    [InlineData("System.Collections.Generic.Dictionary<int, string>", "dictionary keys must be strings")]
    [InlineData("System.Collections.Generic.List<object>", "its element type 'object' cannot be written")]
    [InlineData("int[,]", "multi-dimensional arrays are not supported")]
    [InlineData("System.Uri", "of System's types the codec handles only")]
    public void GB0018_member_the_codec_cannot_write(string type, string reason)
    {
        GeneratorRun run = DiagnosticAssert.ReportsOnly(
            Prelude + $"[BusEvent] public sealed record Odd(int Kept, {type} [|Payload|]) : SchedulerEvent;",
            "GB0018",
            "Acme.Odd",
            DiagnosticSeverity.Warning);

        string message = Assert.Single(run.GeneratorDiagnostics).GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("'Payload'", message, System.StringComparison.Ordinal);
        Assert.Contains(reason, message, System.StringComparison.Ordinal);
        Assert.Contains("[JsonIgnore]", message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void GB0018_property_of_a_nested_type_points_at_the_property()
        => DiagnosticAssert.ReportsOnly(
            Prelude + """
                public sealed class Payload { public System.IntPtr [|Handle|] { get; set; } public int Size { get; set; } }
                [BusEvent] public sealed record Sent(Payload Payload) : SchedulerEvent;
                """,
            "GB0018",
            "Acme.Payload",
            DiagnosticSeverity.Warning);

    [Fact]
    public void GB0018_is_not_reported_for_a_JsonIgnore_member()
    {
        GeneratorRun run = GeneratorRun.For(Prelude + """
            public sealed record Holder(int X)
            {
                [System.Text.Json.Serialization.JsonIgnore] public object? Scratch { get; set; }
            }

            [BusEvent] public sealed record Odd(Holder Holder) : SchedulerEvent
            {
                [System.Text.Json.Serialization.JsonIgnore] public System.Action? Callback { get; init; }
            }
            """);

        Assert.Empty(run.GeneratorDiagnostics);
    }

    [Fact]
    public void GB0018_two_members_with_one_JSON_name()
        => DiagnosticAssert.ReportsOnly(
            Prelude + """
                [BusEvent] public sealed record Twice(int First, [property: System.Text.Json.Serialization.JsonPropertyName("First")] int [|Second|]) : SchedulerEvent;
                """,
            "GB0018",
            "Acme.Twice",
            DiagnosticSeverity.Warning);

    [Fact]
    public void GB0019_event_without_a_constructor_the_codec_can_call()
        => DiagnosticAssert.ReportsOnly(
            Prelude + "[BusEvent] public sealed record [|Odd|] : SchedulerEvent { public Odd(int unrelated) { } public int X { get; init; } }",
            "GB0019",
            "Acme.Odd",
            DiagnosticSeverity.Warning);

    [Fact]
    public void GB0020_two_events_of_one_bus_with_one_codec_name()
    {
        GeneratorRun run = DiagnosticAssert.ReportsOnly(
            Prelude + """
                [BusEvent("Started", Aliases = new[] { "org.acme.Started" })] public sealed record First(int X) : SchedulerEvent;
                [BusEvent(Aliases = new[] { "org.acme.Started" })] public sealed record [|Second|](int X) : SchedulerEvent;
                """,
            "GB0020",
            "Acme.Second",
            DiagnosticSeverity.Warning);

        string message = Assert.Single(run.GeneratorDiagnostics).GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("'org.acme.Started'", message, System.StringComparison.Ordinal);
        Assert.Contains("'Acme.First'", message, System.StringComparison.Ordinal);
        // The reader gives the name to the first event only.
        string codec = System.Linq.Enumerable.Single(run.Result.GeneratedSources, s => s.HintName.EndsWith(".JsonCodec.g.cs", System.StringComparison.Ordinal)).SourceText.ToString();
        // Each name's bytes once, and the alias matched once, to the same event as First's own name "Started".
        int Declared(string name) => int.Parse(Assert.Single(System.Text.RegularExpressions.Regex.Matches(codec, "Utf8Name(\\d+) => new byte\\[\\] \\{[^}]*\\}; // \"" + System.Text.RegularExpressions.Regex.Escape(name) + "\"")).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        string Matched(int utf8Name) => Assert.Single(System.Text.RegularExpressions.Regex.Matches(codec, "SequenceEqual\\(name, Utf8Name" + utf8Name + "\\)\\)\\s*\\{\\s*return (\\d+);")).Groups[1].Value;
        Assert.Equal(Matched(Declared("Started")), Matched(Declared("org.acme.Started")));
    }
}
