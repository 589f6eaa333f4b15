using System.Linq;
using System.Text;
using GeneratedBus.Generators.Tests.Infrastructure;
using Xunit.Abstractions;

namespace GeneratedBus.Generators.Tests.Performance;

/// <summary>
/// A 1000-event bus generates and compiles, its time reported; the growth from 250 to 4000 events is asserted, with a
/// bound loose enough for a busy CI machine that still fails quadratic work.
/// </summary>
[Collection(nameof(LargeBusTests))]
public class LargeBusTests(ITestOutputHelper output)
{
    private const int EventCount = 1000;

    [Fact]
    public void A_thousand_event_bus_generates_and_compiles()
    {
        var compilation = TestCompilation.Create(Source(EventCount));
        GeneratorRun cold = GeneratorRun.For(compilation);
        GeneratorRun run = GeneratorRun.For(compilation);

        output.WriteLine($"Generator time: {cold.Driver.GetTimingInfo().ElapsedTime.TotalMilliseconds:F0} ms cold (JIT included), "
            + $"{run.Driver.GetTimingInfo().ElapsedTime.TotalMilliseconds:F0} ms with a fresh driver once warm");
        Assert.Empty(run.GeneratorDiagnostics);
        string generated = Assert.Single(run.Result.GeneratedSources).SourceText.ToString();
        Assert.Contains($"Event{EventCount - 1}Happened = {EventCount},", generated, System.StringComparison.Ordinal);
        var diagnostics = run.Output.GetDiagnostics();
        Assert.True(diagnostics.IsEmpty, Snapshot.DescribeDiagnostics(diagnostics.Take(10)));
    }

    [Fact]
    public void Generator_time_grows_linearly_with_the_number_of_events()
    {
        // 16 times the events: linear work takes about 16 times as long, quadratic work 256 times. The bound sits far
        // from both, and each size keeps its best of three warm runs, so a busy machine does not fail the test.
        double small = BestGeneratorMilliseconds(250);
        double large = BestGeneratorMilliseconds(4000);

        output.WriteLine($"250 events: {small:F1} ms, 4000 events: {large:F1} ms, ratio {large / small:F1}");
        Assert.True(large / small < 64, $"4000 events took {large / small:F1} times as long as 250.");
    }

    private static double BestGeneratorMilliseconds(int events)
    {
        var compilation = TestCompilation.Create(Source(events));
        GeneratorRun.For(compilation);
        return Enumerable.Range(0, 3).Min(_ => GeneratorRun.For(compilation).Driver.GetTimingInfo().ElapsedTime.TotalMilliseconds);
    }

    // Documented events, a third of them open to subclasses, so docs and the fallback switch are part of the work.
    private static string Source(int events)
    {
        var source = new StringBuilder("using GeneratedBus;\nnamespace Acme.Large;\npublic abstract record LargeEvent;\n");
        for (int i = 0; i < events; i++)
        {
            source.Append("/// <summary>Event ").Append(i).Append(".</summary>\n[BusEvent] public ").Append(i % 3 == 0 ? "" : "sealed ")
                .Append("record Event").Append(i).Append("Happened(int Value) : LargeEvent;\n");
        }

        return source.ToString();
    }
}

/// <summary>Timed tests run on their own, after the parallel ones: on two cores a neighbour would skew the ratio.</summary>
[CollectionDefinition(nameof(LargeBusTests), DisableParallelization = true)]
public sealed class TimedCollection
{
}
