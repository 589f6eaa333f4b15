using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using GeneratedBus.Benchmarks.Events.Log;
using GeneratedBus.EventLog;
using GeneratedBus.EventLog.Replay;
using GeneratedBus.EventLog.Writing;

namespace GeneratedBus.Benchmarks.Scenarios;

/// <summary>
/// Issue 11, point 5: writing and reading an event log of <see cref="ClusterEvent"/>s (nested info records, mostly
/// task events, as Spark's logs). Every benchmark handles the whole log, <see cref="OperationsPerInvoke"/> events, so
/// the times are per event (events/s = 1e9 / ns); <see cref="Setup"/> prints the bytes per event, so MB/s = bytes / ns
/// × 1000. Beside the generated codec: System.Text.Json's source-generated context over the same events (polymorphic
/// through [JsonDerivedType]) and, the floor for reading, a bare <see cref="Utf8JsonReader"/> pass over the same bytes.
/// <see cref="WriteLogFile"/> and <see cref="ReplayLogFile"/> add the writer's and replay's own costs (batches, the
/// line reader, the records) to the codec's.
/// </summary>
[GoalConfig]
public class EventLogCodecBenchmarks
{
    /// <summary>Events in the log (a few more than twice the tasks).</summary>
    public const int OperationsPerInvoke = 20_604;

    private const string Write = "11 event log: write";
    private const string Read = "11 event log: read";

    private readonly ArrayBufferWriter<byte> _output = new(16 << 20);
    private ClusterEvent[] _events = [];
    private byte[] _log = [];
    private (int Start, int Length)[] _lines = [];
    private EventLineWriter<ClusterEvent> _lineWriter = null!;
    private Utf8JsonWriter _stjWriter = null!;
    private string _file = "";
    private int _tokens;

    [GlobalSetup]
    public void Setup()
    {
        _events = [.. ClusterLog.Events(10_000)];
        if (_events.Length != OperationsPerInvoke)
        {
            throw new InvalidOperationException($"The log has {_events.Length} events; set OperationsPerInvoke to it.");
        }

        _lineWriter = new EventLineWriter<ClusterEvent>(ClusterJsonCodec.Instance, _output);
        _stjWriter = new Utf8JsonWriter(_output);
        WriteGenerated();
        _log = _output.WrittenSpan.ToArray();
        _lines = Lines(_log);
        CheckSameEvents();
        _tokens = TokenPass();
        _file = Path.Combine(Path.GetTempPath(), $"gb-bench-{Environment.ProcessId}.jsonl");
        File.WriteAllBytes(_file, _log);
        Console.WriteLine($"// event log: {_events.Length} events, {_log.Length} bytes, {(double)_log.Length / _events.Length:0.0} bytes per event");
    }

    [GlobalCleanup]
    public void Cleanup() => File.Delete(_file);

    [Benchmark(OperationsPerInvoke = OperationsPerInvoke)]
    [BenchmarkCategory(Write)]
    public int WriteGenerated()
    {
        _output.ResetWrittenCount();
        foreach (ClusterEvent e in _events)
        {
            _lineWriter.WriteLine(e);
        }

        return _output.WrittenCount;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = OperationsPerInvoke)]
    [BenchmarkCategory(Write)]
    public int WriteStj()
    {
        _output.ResetWrittenCount();
        foreach (ClusterEvent e in _events)
        {
            _stjWriter.Reset(_output);
            JsonSerializer.Serialize(_stjWriter, e, ClusterJsonContext.Default.ClusterEvent);
            _stjWriter.Flush();
            _output.GetSpan(1)[0] = (byte)'\n';
            _output.Advance(1);
        }

        return _output.WrittenCount;
    }

    [Benchmark(OperationsPerInvoke = OperationsPerInvoke)]
    [BenchmarkCategory(Write)]
    public long WriteLogFile()
    {
        var log = new EventLogWriter<ClusterEvent>(Stream.Null, "null", ClusterJsonCodec.Instance, new EventLogWriterOptions<ClusterEvent> { BusName = "Cluster" });
        foreach (ClusterEvent e in _events)
        {
            log.Write(e);
        }

        log.Close(0);
        return log.GetStats().BytesWritten;
    }

    [Benchmark(OperationsPerInvoke = OperationsPerInvoke)]
    [BenchmarkCategory(Read)]
    public int ReadGenerated()
    {
        int events = 0;
        foreach ((int start, int length) in _lines)
        {
            EventReadResult<ClusterEvent> result = ClusterJsonCodec.Instance.Read(_log.AsSpan(start, length), EventJsonReaderOptions.Default);
            events += result.IsOk ? 1 : 0;
        }

        return events;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = OperationsPerInvoke)]
    [BenchmarkCategory(Read)]
    public int ReadStj()
    {
        int events = 0;
        foreach ((int start, int length) in _lines)
        {
            events += JsonSerializer.Deserialize(_log.AsSpan(start, length), ClusterJsonContext.Default.ClusterEvent) is null ? 0 : 1;
        }

        return events;
    }

    [Benchmark(OperationsPerInvoke = OperationsPerInvoke)]
    [BenchmarkCategory(Read)]
    public int TokenPass()
    {
        int tokens = 0;
        foreach ((int start, int length) in _lines)
        {
            var reader = new Utf8JsonReader(_log.AsSpan(start, length));
            while (reader.Read())
            {
                tokens++;
            }
        }

        return tokens;
    }

    [Benchmark(OperationsPerInvoke = OperationsPerInvoke)]
    [BenchmarkCategory(Read)]
    public long ReplayLogFile()
    {
        long events = 0;
        EventLogSummary summary = EventLogReplay.Replay<ClusterEvent>(_file, ClusterJsonCodec.Instance, _ => events++);
        return summary.Events + events;
    }

    /// <summary>The plain-loop form of <see cref="ReadGenerated"/>, checked: every line is an event.</summary>
    public void ReadGeneratedLoop() => Expect(ReadGenerated(), _events.Length);

    /// <summary>The plain-loop form of <see cref="ReadStj"/>, checked.</summary>
    public void ReadStjLoop() => Expect(ReadStj(), _events.Length);

    /// <summary>The plain-loop form of <see cref="TokenPass"/>, checked: the same tokens every time.</summary>
    public void TokenPassLoop() => Expect(TokenPass(), _tokens);

    private static void Expect(int actual, int expected)
    {
        if (actual != expected)
        {
            throw new InvalidOperationException($"Read {actual}, expected {expected}.");
        }
    }

    private static (int Start, int Length)[] Lines(byte[] log)
    {
        var lines = new List<(int, int)>();
        for (int start = 0; start < log.Length;)
        {
            int end = Array.IndexOf(log, (byte)'\n', start);
            lines.Add((start, end - start));
            start = end + 1;
        }

        return [.. lines];
    }

    // The baselines must do the same work: STJ reads our lines back to equal events (records compare lists by reference,
    // so by their JSON), and every line is an event.
    private void CheckSameEvents()
    {
        for (int i = 0; i < _lines.Length; i += 997)
        {
            (int start, int length) = _lines[i];
            ClusterEvent? stj = JsonSerializer.Deserialize(_log.AsSpan(start, length), ClusterJsonContext.Default.ClusterEvent);
            string ours = JsonSerializer.Serialize(_events[i], ClusterJsonContext.Default.ClusterEvent);
            if (stj is null || JsonSerializer.Serialize(stj, ClusterJsonContext.Default.ClusterEvent) != ours)
            {
                throw new InvalidOperationException($"System.Text.Json reads line {i + 1} differently: {ours}");
            }
        }

        if (ReadGenerated() != _events.Length || ReadStj() != _events.Length)
        {
            throw new InvalidOperationException("Not every line read as an event.");
        }
    }
}
