using System.Linq;
using System.Text;
using GeneratedBus.Generators.Tests.Infrastructure;
using Xunit.Abstractions;

namespace GeneratedBus.Generators.Tests.Performance;

/// <summary>A 1000-event bus generates and compiles; the time is reported, not asserted, to keep CI stable.</summary>
public class LargeBusTests(ITestOutputHelper output)
{
    private const int EventCount = 1000;

    [Fact]
    public void A_thousand_event_bus_generates_and_compiles()
    {
        var source = new StringBuilder("using GeneratedBus;\nnamespace Acme.Large;\npublic abstract record LargeEvent;\n");
        for (int i = 0; i < EventCount; i++)
        {
            source.Append("[BusEvent] public sealed record Event").Append(i).Append("Happened(int Value) : LargeEvent;\n");
        }

        var compilation = TestCompilation.Create(source.ToString());
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
}
