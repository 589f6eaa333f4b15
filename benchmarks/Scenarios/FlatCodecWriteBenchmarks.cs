using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using GeneratedBus.Benchmarks.Events;

namespace GeneratedBus.Benchmarks.Scenarios;

/// <summary>
/// On a 64-event bus the codec writes the last-declared event as fast as the first: its writer finds the case by the
/// dispatcher's kind lookup, not by one type test per event declared before.
/// </summary>
[GoalConfig]
[BenchmarkCategory(Categories.FlatCodecWrite)]
public class FlatCodecWriteBenchmarks
{
    private readonly WideEvent _first = new Wide00(1);
    private readonly WideEvent _last = new Wide63(1);
    private readonly ArrayBufferWriter<byte> _buffer = new(256);
    private Utf8JsonWriter _writer = null!;

    [GlobalSetup]
    public void Setup()
    {
        _writer = new Utf8JsonWriter(_buffer);

        // As in FlatDispatchBenchmarks: let the writer tier up having seen both kinds.
        WideEvent[] all = [_first, _last];
        var until = System.Diagnostics.Stopwatch.StartNew();
        while (until.ElapsedMilliseconds < 500)
        {
            foreach (WideEvent e in all)
            {
                Write(e);
            }
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _writer.Dispose();

    [Benchmark(Baseline = true, Description = "codec write, first-declared event (Wide00)")]
    public int First() => Write(_first);

    [Benchmark(Description = "codec write, last-declared event (Wide63)")]
    public int Last() => Write(_last);

    // Not inlined: both benchmarks run this one compiled body, whose profile has seen both kinds.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private int Write(WideEvent e)
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        WideJsonCodec.Instance.Write(_writer, e);
        _writer.Flush();
        return _buffer.WrittenCount;
    }
}
