using System;
using System.Buffers;
using System.Collections.Generic;
using Acme.Telemetry;
using GeneratedBus.EventLog;

namespace GeneratedBus.IntegrationTests.Codec;

/// <summary>Once warm, writing an event allocates nothing: the writer, its line buffer and the output are reused.</summary>
public sealed class CodecAllocationTests
{
    [Fact]
    public void Writing_events_allocates_nothing_per_event_once_warm()
    {
        TelemetryEvent[] events =
        [
            new Numbers(true, 1, -1, 2, 3, 4, 5, 6, 7, 1.5f, double.NaN, 3.5m),
            new Times(DateTime.UtcNow, DateTimeOffset.Now, TimeSpan.FromMinutes(-3), Guid.NewGuid()),
            new Nullables(1, null, Level.Medium, DateTimeOffset.UnixEpoch, [1, null], "f"),
            CodecLines.FullStarted(),
            CodecLines.FullStarted() with { Counters = new SortedList<string, long> { ["k"] = 1 }, Limits = null },
        ];
        var output = new ArrayBufferWriter<byte>(1 << 20);
        using var writer = new EventLineWriter<TelemetryEvent>(TelemetryJsonCodec.Instance, output);
        WriteAll(writer, output, events, rounds: 200);

        long before = GC.GetAllocatedBytesForCurrentThread();
        int written = WriteAll(writer, output, events, rounds: 1000);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(written > 1000 * events.Length * 40, $"wrote only {written} bytes");
        // SortedList is enumerated through the interface, which boxes its enumerator: the one allocation per event allowed.
        Assert.True(allocated <= 1000 * 64, $"{allocated} bytes allocated over {1000 * events.Length} events");
        long withoutInterfaceDictionary = Measure(writer, output, events[..4]);
        Assert.Equal(0, withoutInterfaceDictionary);
    }

    private static long Measure(EventLineWriter<TelemetryEvent> writer, ArrayBufferWriter<byte> output, TelemetryEvent[] events)
    {
        WriteAll(writer, output, events, rounds: 100);
        long before = GC.GetAllocatedBytesForCurrentThread();
        WriteAll(writer, output, events, rounds: 1000);
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private static int WriteAll(EventLineWriter<TelemetryEvent> writer, ArrayBufferWriter<byte> output, TelemetryEvent[] events, int rounds)
    {
        int written = 0;
        for (int round = 0; round < rounds; round++)
        {
            foreach (TelemetryEvent e in events)
            {
                written += writer.WriteLine(e);
            }

            if (output.WrittenCount > output.Capacity / 2)
            {
                output.ResetWrittenCount();
            }
        }

        return written;
    }

    [Fact]
    public void Reading_allocates_the_event_and_nothing_else()
    {
        byte[] line = System.Text.Encoding.UTF8.GetBytes(CodecLines.Write(new Numbers(true, 1, -1, 2, 3, 4, 5, 6, 7, 1.5f, 2.5, 3.5m)));
        long eventSize = AllocationOf(() => new Numbers(true, 1, -1, 2, 3, 4, 5, 6, 7, 1.5f, 2.5, 3.5m));
        for (int i = 0; i < 100; i++)
        {
            Assert.True(TelemetryJsonCodec.Instance.Read(line).IsOk);
        }

        long perRead = AllocationOf(() => TelemetryJsonCodec.Instance.Read(line).Event!);

        Assert.Equal(eventSize, perRead);
    }

    // What producing one value allocates, averaged over 1000 calls.
    private static long AllocationOf(Func<object> produce)
    {
        object? last = null;
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            last = produce();
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        GC.KeepAlive(last);
        return allocated / 1000;
    }
}
