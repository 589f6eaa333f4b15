using System;
using System.Linq;
using System.Text;
using Acme.Telemetry;
using GeneratedBus.EventLog;

namespace GeneratedBus.IntegrationTests.Codec;

/// <summary>What the reader accepts, what it refuses, and the exact outcome of each.</summary>
public sealed class CodecToleranceTests
{
    // The smallest valid Started: every required member, nothing else.
    private const string Minimal =
        """{"Event":"TelemetryStarted","Host Info":{"Name":"h","Port":1},"Tags":[],"Windows":[],"Peers":{},"Pair":{"Id":1,"Note":"x"},"Id":"0f8fad5b-d9cb-469f-a165-70867728950e"}""";

    [Fact]
    public void Unknown_members_are_skipped_whatever_their_value()
    {
        string line = Minimal.Replace("{\"Event\":\"TelemetryStarted\",", """{"Event":"TelemetryStarted","New":{"a":[1,{"b":null}],"c":"d"},"Other":[[]],""", StringComparison.Ordinal);

        Assert.Equal("h", CodecLines.ReadOk<Started>(line).Host.Name);
    }

    [Fact]
    public void Missing_optional_members_take_their_defaults()
    {
        Started read = CodecLines.ReadOk<Started>(Minimal);

        Assert.Null(read.Comment);
        Assert.Null(read.Retries);
        Assert.Null(read.Counters);
        Assert.Null(read.Limits);
        Assert.Equal(Level.Low, read.Level);
        Assert.Equal(Channels.None, read.Channels);
        // A constructor parameter's default, an init-only initializer on a record, a settable property's initializer.
        Assert.Equal(1, read.Attempt);
        Assert.Equal("ms", read.Unit);
        Assert.Equal(5, read.Settable);
    }

    [Fact]
    public void A_missing_member_of_a_nested_class_keeps_its_initial_value()
    {
        Started read = CodecLines.ReadOk<Started>(Minimal.Replace("\"Tags\"", "\"Limits\":{\"Note\":\"n\"},\"Tags\"", StringComparison.Ordinal));

        Assert.Equal(10, read.Limits!.Max);
        Assert.Equal("n", read.Limits.Note);
    }

    [Theory]
    [InlineData("\"Tags\":[],", "The required member \"Tags\" of Acme.Telemetry.Started is missing.")]
    [InlineData("\"Id\":\"0f8fad5b-d9cb-469f-a165-70867728950e\"", "The required member \"Id\" of Acme.Telemetry.Started is missing.")]
    [InlineData("\"Name\":\"h\",", "The required member \"Name\" of Acme.Telemetry.Host is missing.")]
    public void A_missing_required_member_is_malformed_and_named(string removed, string reason)
    {
        string line = Minimal.Replace(removed, string.Empty, StringComparison.Ordinal).Replace(",}", "}", StringComparison.Ordinal);

        Assert.Equal(reason, CodecLines.Malformed(line));
    }

    [Fact]
    public void A_null_where_the_type_allows_none_is_malformed_and_named()
        => Assert.Equal("\"Tags\" must not be null.", CodecLines.Malformed(Minimal.Replace("\"Tags\":[]", "\"Tags\":null", StringComparison.Ordinal)));

    [Theory]
    [InlineData("\"Comment\":\"a\",\"Comment\":\"b\",", "Comment")]
    [InlineData("\"Event\":\"TelemetryStarted\",", "Event")]
    public void A_duplicate_property_is_malformed_and_named(string inserted, string property)
    {
        string line = Minimal.Replace("\"Tags\"", inserted + "\"Tags\"", StringComparison.Ordinal);

        Assert.Equal($"The property \"{property}\" appears more than once.", CodecLines.Malformed(line));
    }

    [Fact]
    public void A_duplicate_dictionary_key_is_malformed_and_named()
        => Assert.Equal("The property \"k\" appears more than once.", CodecLines.Malformed(Minimal.Replace("\"Peers\":{}", "\"Peers\":{\"k\":null,\"k\":null}", StringComparison.Ordinal)));

    [Theory]
    [InlineData("System.Diagnostics.Process")]
    [InlineData("java.lang.ProcessBuilder")]
    [InlineData("SparkListenerSQLExecutionStart")]
    [InlineData("Started")]
    public void An_unknown_event_name_is_unrecognised_and_never_a_type(string name)
    {
        EventReadResult<TelemetryEvent> result = CodecLines.Read($$"""{"Event":"{{name}}","FileName":"/bin/sh","Arguments":["-c","x"]}""");

        Assert.Equal(EventReadStatus.Unrecognised, result.Status);
        Assert.Equal(name, result.Name);
        Assert.Null(result.Event);
    }

    [Fact]
    public void An_unknown_event_name_on_a_truncated_line_is_malformed()
        => Assert.Equal(EventReadStatus.Malformed, CodecLines.Read("""{"Event":"java.lang.ProcessBuilder","command":["sh" """).Status);

    [Fact]
    public void A_line_nested_deeper_than_the_limit_is_malformed()
    {
        string deep = Minimal.Replace("\"Tags\"", "\"Junk\":" + new string('[', 100) + new string(']', 100) + ",\"Tags\"", StringComparison.Ordinal);

        Assert.Contains("depth", CodecLines.Malformed(deep), StringComparison.OrdinalIgnoreCase);
        // A valid line with objects in its members under a limit that allows the members only.
        Assert.Contains("depth", CodecLines.Malformed(Minimal, new EventJsonReaderOptions { MaxDepth = 1 }), StringComparison.OrdinalIgnoreCase);
        Assert.True(CodecLines.Read(Minimal, new EventJsonReaderOptions { MaxDepth = 2 }).IsOk);
        Assert.Throws<ArgumentOutOfRangeException>(() => new EventJsonReaderOptions { MaxDepth = 0 });
    }

    [Fact]
    public void Invalid_UTF8_is_malformed_even_in_a_skipped_member()
    {
        byte[] line = Encoding.UTF8.GetBytes(Minimal.Replace("\"Tags\"", "\"Junk\":\"__\",\"Tags\"", StringComparison.Ordinal));
        int at = Array.IndexOf(line, (byte)'_');
        line[at] = 0xC3;
        line[at + 1] = 0x28;

        EventReadResult<TelemetryEvent> result = TelemetryJsonCodec.Instance.Read(line);

        Assert.Equal(EventReadStatus.Malformed, result.Status);
        Assert.Equal("The line is not valid UTF-8.", result.Reason);
    }

    [Theory]
    [InlineData("\"B\":256", "Byte")]
    [InlineData("\"Sb\":-129", "SByte")]
    [InlineData("\"I\":2147483648", "Int32")]
    [InlineData("\"Ul\":-1", "UInt64")]
    [InlineData("\"L\":1.5", "Int64")]
    [InlineData("\"D\":1e400", "Double")]
    [InlineData("\"F\":1e40", "Single")]
    [InlineData("\"M\":1e40", "Decimal")]
    public void A_number_out_of_range_is_malformed(string member, string type)
    {
        string line = CodecLines.Write(new Numbers(true, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1));
        string name = member[..member.IndexOf(':', StringComparison.Ordinal)];
        string original = line.Split(',').Single(p => p.StartsWith(name + ":", StringComparison.Ordinal)).TrimEnd('}');

        string reason = CodecLines.Malformed(line.Replace(original, member, StringComparison.Ordinal));

        Assert.EndsWith($"is out of range for {type}.", reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("""{"Event":"TelemetryStarted","Host Info":{"Name":"h""")]
    [InlineData("""{"Event":"Numbers","Flag":true""")]
    [InlineData("""{"Event":""")]
    public void A_truncated_line_is_malformed(string line) => Assert.NotEmpty(CodecLines.Malformed(line));

    [Theory]
    [InlineData("[1]", "The line is a JSON StartArray, not an object.")]
    [InlineData("""{"Id":1}""", "The object has no \"Event\" property.")]
    [InlineData("""{"Event":7}""", "Expected a string as \"Event\" but found Number at byte 9.")]
    [InlineData("""{"Event":"Numbers","Flag":"yes"}""", "Expected true or false but found String at byte 26.")]
    [InlineData("""{"Event":"Nullables","C":"Huge","E":[]}""", "\"Huge\" is no name of Acme.Telemetry.Level.")]
    public void A_line_of_the_wrong_shape_is_malformed_with_a_clear_reason(string line, string reason)
        => Assert.Equal(reason, CodecLines.Malformed(line));

    [Fact]
    public void Anything_after_the_object_is_malformed()
        => Assert.Equal(EventReadStatus.Malformed, CodecLines.Read(Minimal + "{}").Status);
}
