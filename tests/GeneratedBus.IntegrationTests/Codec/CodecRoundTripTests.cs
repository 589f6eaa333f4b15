using System;
using System.Collections.Generic;
using Acme.Telemetry;
using GeneratedBus.EventLog;

namespace GeneratedBus.IntegrationTests.Codec;

/// <summary>The generated codec writes each event as one line and reads it back equal.</summary>
public sealed class CodecRoundTripTests
{
    [Fact]
    public void Every_member_shape_round_trips()
    {
        Started original = CodecLines.FullStarted();
        string line = CodecLines.Write(original);

        Started read = CodecLines.ReadOk<Started>(line);

        Assert.Equal(original.Host, read.Host);
        Assert.Equal(original.Comment, read.Comment);
        Assert.Equal(Level.High, read.Level);
        Assert.Equal(Channels.Email | Channels.Sms, read.Channels);
        Assert.Equal(3, read.Retries);
        Assert.Equal(["a", "b"], read.Tags);
        Assert.Equal(original.Windows, read.Windows);
        Assert.Equal(original.Counters, read.Counters);
        Assert.Equal(original.Peers, read.Peers);
        Assert.Equal((42L, "pair"), read.Pair);
        Assert.Equal(2, read.Attempt);
        Assert.Equal(3, read.Limits!.Max);
        Assert.Equal("n", read.Limits.Note);
        Assert.Equal(4, Assert.Single(read.Limits.Children!).Max);
        Assert.Equal(original.Id, read.Id);
        Assert.Equal("s", read.Unit);
        Assert.Equal(9, read.Settable);
        Assert.Null(read.Scratch);
        // Writing what was read gives the same bytes: nothing lost, nothing reordered.
        Assert.Equal(line, CodecLines.Write(read));
    }

    [Fact]
    public void The_line_starts_with_the_written_name_and_uses_the_JSON_names()
    {
        string line = CodecLines.Write(CodecLines.FullStarted());

        Assert.StartsWith("{\"Event\":\"TelemetryStarted\",\"Host Info\":{\"Name\":\"alpha\",\"Port\":7077},", line, StringComparison.Ordinal);
        // Enums by name; a flags combination without a name of its own by number; a tuple by its element names.
        Assert.Contains("\"Level\":\"High\",\"Channels\":3,", line, StringComparison.Ordinal);
        Assert.Contains("\"Pair\":{\"Id\":42,\"Note\":\"pair\"}", line, StringComparison.Ordinal);
        Assert.DoesNotContain("Scratch", line, StringComparison.Ordinal);
        Assert.DoesNotContain("WindowCount", line, StringComparison.Ordinal);
        Assert.StartsWith("{\"Event\":\"Numbers\",", CodecLines.Write(new Numbers(true, 1, -1, 2, 3, 4, 5, 6, 7, 1.5f, 2.5, 3.5m)), StringComparison.Ordinal);
    }

    [Fact]
    public void An_alias_reads_as_the_event()
    {
        string line = CodecLines.Write(CodecLines.FullStarted()).Replace("\"TelemetryStarted\"", "\"org.acme.TelemetryStarted\"", StringComparison.Ordinal);

        Assert.Equal("alpha", CodecLines.ReadOk<Started>(line).Host.Name);
    }

    [Fact]
    public void Enums_are_read_by_name_or_number()
    {
        string byName = CodecLines.Write(new Nullables(null, null, Level.Medium, null, [], null));
        Assert.Contains("\"C\":\"Medium\"", byName, StringComparison.Ordinal);

        Assert.Equal(Level.High, CodecLines.ReadOk<Nullables>(byName.Replace("\"Medium\"", "2", StringComparison.Ordinal)).C);
        Assert.Equal(Level.Medium, CodecLines.ReadOk<Nullables>(byName).C);
    }

    [Fact]
    public void Non_finite_floating_values_are_written_as_strings_and_read_back()
    {
        var original = new Numbers(false, 0, 0, 0, 0, 0, 0, 0, 0, float.NegativeInfinity, double.NaN, 0m);
        string line = CodecLines.Write(original);

        Assert.Contains("\"F\":\"-Infinity\",\"D\":\"NaN\"", line, StringComparison.Ordinal);
        Assert.Equal(original, CodecLines.ReadOk<Numbers>(line));
    }

    [Fact]
    public void Nulls_round_trip()
    {
        var original = new Nullables(null, null, null, null, [null, 1], null);

        Nullables read = CodecLines.ReadOk<Nullables>(CodecLines.Write(original));

        Assert.Equal((original.A, original.B, original.C, original.D, original.F), (read.A, read.B, read.C, read.D, read.F));
        Assert.Equal(original.E, read.E);
    }

    [Fact]
    public void Times_round_trip_exactly()
    {
        var original = new Times(
            new DateTime(2024, 2, 29, 23, 59, 59, DateTimeKind.Utc).AddTicks(1234567),
            new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.FromHours(-7)).AddTicks(7),
            new TimeSpan(-3, 4, 5, 6, 7).Add(TimeSpan.FromTicks(8)),
            Guid.NewGuid());

        Times read = CodecLines.ReadOk<Times>(CodecLines.Write(original));

        Assert.Equal(original, read);
        Assert.Equal(original.When.Kind, read.When.Kind);
        Assert.Equal(original.At.Offset, read.At.Offset);
    }

    [Fact]
    public void The_event_property_need_not_come_first()
    {
        Started read = CodecLines.ReadOk<Started>(
            """{"Tags":[],"Windows":[],"Peers":{},"Host Info":{"Name":"h","Port":1},"Pair":{"Id":1,"Note":"x"},"Id":"0f8fad5b-d9cb-469f-a165-70867728950e","Event":"TelemetryStarted","Level":"Low"}""");

        Assert.Equal("h", read.Host.Name);
    }

    [Fact]
    public void Writing_an_event_of_another_bus_or_null_throws_and_leaves_no_partial_line()
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using var writer = new EventLineWriter<TelemetryEvent>(TelemetryJsonCodec.Instance, buffer);

        Assert.Throws<ArgumentException>(() => writer.WriteLine(new Unmarked(1)));
        Assert.Throws<ArgumentNullException>(() => writer.WriteLine(null!));
        writer.WriteLine(new Numbers(true, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1));

        Assert.StartsWith("{\"Event\":\"Numbers\"", System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan), StringComparison.Ordinal);
    }

    private sealed record Unmarked(int X) : TelemetryEvent;
}
