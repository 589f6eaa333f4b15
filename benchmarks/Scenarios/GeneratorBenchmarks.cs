using BenchmarkDotNet.Attributes;
using GeneratedBus.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace GeneratedBus.Benchmarks.Scenarios;

/// <summary>Goal 8: a 1000-event bus generates in under 1 s cold (new compilation, new driver, first run).</summary>
/// <remarks>
/// Each operation takes tens to hundreds of milliseconds, so one invocation per iteration. Ten warm-ups, not two:
/// with two, much of Roslyn's binder still ran unoptimized (tier-0) code in the measured iterations, which made the
/// warm edit and its baseline look several times slower than they are (binding alone: 112 ms with two, 38 ms with ten).
/// </remarks>
[WarmupCount(10)]
[IterationCount(10)]
[InvocationCount(1)]
[GoalConfig]
[BenchmarkCategory(Categories.Generator)]
public class GeneratorBenchmarks
{
    private SyntaxTree _events = null!;
    private SyntaxTree _helper = null!;
    private GeneratorDriver _warm = null!;
    private GeneratorDriver _warmBindingOnly = null!;
    private Compilation _compiled = null!;
    private int _edit;

    [GlobalSetup]
    public void Setup()
    {
        _events = ThousandEventSource.Tree();
        _helper = ThousandEventSource.Unrelated(0);
        _compiled = ThousandEventSource.Compilation(_events, _helper);
        _warm = ThousandEventSource.NewDriver().RunGenerators(_compiled);
        _warmBindingOnly = ThousandEventSource.NewDriver(new BindingOnlyGenerator()).RunGenerators(_compiled);
    }

    [Benchmark(Baseline = true, Description = "cold: new compilation + new driver, first run")]
    public GeneratorDriver Cold() =>
        ThousandEventSource.NewDriver().RunGenerators(ThousandEventSource.Compilation(_events, _helper));

    [Benchmark(Description = "unrelated edit: warm driver, one file changed")]
    public GeneratorDriver UnrelatedEdit() => _warm.RunGenerators(Edited());

    [Benchmark(Description = "unrelated edit, baseline: Roslyn binding the events only")]
    public GeneratorDriver UnrelatedEditBindingOnly() => _warmBindingOnly.RunGenerators(Edited());

    // A fresh compilation with the helper file's text changed, as after a keystroke in it.
    private Compilation Edited() => _compiled.ReplaceSyntaxTree(_helper, ThousandEventSource.Unrelated(++_edit));
}
