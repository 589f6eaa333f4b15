using System.Linq;
using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;
using GeneratedBus.Benchmarks.Events;

namespace GeneratedBus.Benchmarks.Scenarios;

/// <summary>Goal 2: on a 64-event bus the last-declared event costs what the first does (DispatchToAll: kind lookup + 10 listeners).</summary>
[GoalConfig]
[BenchmarkCategory(Categories.FlatDispatch)]
public class FlatDispatchBenchmarks
{
    private readonly WideEvent _first = new Wide00(1);
    private readonly WideEvent _last = new Wide63(1);
    private IWideListener[] _listeners = [];

    [GlobalSetup]
    public void Setup()
    {
        _listeners = Enumerable.Range(0, 10).Select(_ => (IWideListener)new WideSumListener()).ToArray();

        // A live bus sees many kinds. Let the dispatcher tier up with both in its profile, so neither case
        // gets a head start from running first in this process (a call site the profile never saw is not devirtualized).
        WideEvent[] all = [_first, _last];
        var until = System.Diagnostics.Stopwatch.StartNew();
        while (until.ElapsedMilliseconds < 500)
        {
            foreach (WideEvent e in all)
            {
                Post(e);
            }
        }
    }

    [Benchmark(Baseline = true, Description = "first-declared event (Wide00)")]
    public void First() => Post(_first);

    [Benchmark(Description = "last-declared event (Wide63)")]
    public void Last() => Post(_last);

    // Not inlined: both benchmarks run this one compiled body, whose profile has seen both kinds.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Post(WideEvent e) => WideDispatcher.DispatchToAll(_listeners, e);
}
