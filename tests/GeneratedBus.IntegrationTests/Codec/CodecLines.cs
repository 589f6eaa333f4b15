using System;
using System.Buffers;
using System.Text;
using Acme.Telemetry;
using GeneratedBus.EventLog;

namespace GeneratedBus.IntegrationTests.Codec;

/// <summary>Writes and reads lines through the generated <see cref="TelemetryJsonCodec"/>.</summary>
internal static class CodecLines
{
    /// <summary>The line <paramref name="e"/> is written as, without its line break.</summary>
    public static string Write(TelemetryEvent e)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using var writer = new EventLineWriter<TelemetryEvent>(TelemetryJsonCodec.Instance, buffer);
        int written = writer.WriteLine(e);
        Assert.Equal(buffer.WrittenCount, written);
        string text = Encoding.UTF8.GetString(buffer.WrittenSpan);
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        string line = text[..^1];
        Assert.DoesNotContain('\n', line);
        return line;
    }

    /// <summary>Reads <paramref name="line"/>.</summary>
    public static EventReadResult<TelemetryEvent> Read(string line, EventJsonReaderOptions? options = null)
        => TelemetryJsonCodec.Instance.Read(Encoding.UTF8.GetBytes(line), options ?? EventJsonReaderOptions.Default);

    /// <summary>Reads <paramref name="line"/> and insists on an event of type <typeparamref name="T"/>.</summary>
    public static T ReadOk<T>(string line)
        where T : TelemetryEvent
    {
        EventReadResult<TelemetryEvent> result = Read(line);
        Assert.True(result.IsOk, result.ToString());
        return Assert.IsType<T>(result.Event);
    }

    /// <summary>Reads <paramref name="line"/> and returns why it is malformed.</summary>
    public static string Malformed(string line, EventJsonReaderOptions? options = null)
    {
        EventReadResult<TelemetryEvent> result = Read(line, options);
        Assert.Equal(EventReadStatus.Malformed, result.Status);
        Assert.Null(result.Event);
        return result.Reason!;
    }

    /// <summary>A <see cref="Started"/> with every member set.</summary>
    public static Started FullStarted() => new(
        new Host("alpha", 7077),
        "first <run> \"quoted\" \u00e9",
        Level.High,
        Channels.Email | Channels.Sms,
        3,
        ["a", "b"],
        [new Window(1, 2), new Window(-5, long.MaxValue)],
        new System.Collections.Generic.Dictionary<string, long> { ["x"] = 1, ["y"] = long.MinValue },
        new System.Collections.Generic.Dictionary<string, Host?> { ["p"] = new Host("beta", 1), ["gone"] = null },
        (42, "pair"),
        Attempt: 2)
    {
        Limits = new Limits { Max = 3, Note = "n", Children = [new Limits { Max = 4 }] },
        Id = new Guid("0f8fad5b-d9cb-469f-a165-70867728950e"),
        Unit = "s",
        Settable = 9,
        Scratch = new object(),
    };
}
