using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using SparkScheduler.Replay;

namespace GeneratedBus.Samples.Tests;

/// <summary>The replay's line splitter: numbers, line ends, lines longer than its first buffer, and its limit.</summary>
public sealed class LogLineReaderTests
{
    [Fact]
    public void Lines_keep_their_numbers_lose_their_line_ends_and_a_last_line_needs_no_break()
    {
        Assert.Equal(["1:a", "2:", "3:bc", "4:d"], Lines("a\n\r\nbc\r\nd"));
        Assert.Equal(["1:a"], Lines("a\n"));
        Assert.Empty(Lines(""));
    }

    [Fact]
    public void Lines_longer_than_the_first_buffer_and_across_reads_come_back_whole()
    {
        string big = new('x', 200_000), other = new('y', 65_530);

        List<string> lines = Lines($"{other}\n{big}\n{other}", chunk: 4_096);

        Assert.Equal([$"1:{other}", $"2:{big}", $"3:{other}"], lines);
    }

    [Fact]
    public void A_line_over_the_limit_is_refused_before_it_is_held_whole()
    {
        using var stream = new TrickleStream(Encoding.UTF8.GetBytes("ok\n" + new string('z', 5_000) + "\nnever"), 512);
        using var reader = new LogLineReader(stream, maxLineBytes: 1_000);

        Assert.True(reader.TryRead(out _));
        var e = Assert.Throws<InvalidDataException>(() => reader.TryRead(out _));
        Assert.Equal("the line is longer than 1,000 bytes", e.Message);
        Assert.Equal(1, reader.LineNumber);
    }

    private static List<string> Lines(string text, int chunk = int.MaxValue)
    {
        using var stream = new TrickleStream(Encoding.UTF8.GetBytes(text), chunk);
        using var reader = new LogLineReader(stream);
        var lines = new List<string>();
        while (reader.TryRead(out LogLine line))
        {
            lines.Add($"{line.Number}:{Encoding.UTF8.GetString(line.Bytes)}");
        }

        return lines;
    }

    // Hands out at most `chunk` bytes per read, as a pipe or a slow disk may.
    private sealed class TrickleStream(byte[] bytes, int chunk) : MemoryStream(bytes)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, chunk));
    }
}
