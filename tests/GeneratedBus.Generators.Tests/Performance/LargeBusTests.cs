using System.Linq;
using System.Text;
using GeneratedBus.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit.Abstractions;

namespace GeneratedBus.Generators.Tests.Performance;

/// <summary>
/// A 1000-event bus generates and compiles, and an unrelated edit beside it re-runs no step. Its time is reported,
/// never asserted: speed belongs in the benchmarks (benchmarks/, GeneratorBenchmarks), where a baseline runs beside it.
/// </summary>
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
        string generated = Assert.Single(run.BusSources).SourceText.ToString();
        Assert.Contains($"Event{EventCount - 1}Happened = {EventCount},", generated, System.StringComparison.Ordinal);
        var diagnostics = run.Output.GetDiagnostics();
        Assert.True(diagnostics.IsEmpty, Snapshot.DescribeDiagnostics(diagnostics.Take(10)));
    }

    [Fact]
    public void An_unrelated_edit_beside_a_thousand_event_bus_reruns_no_step()
    {
        const string helper = "namespace Acme.Other;\npublic static class Helper { public static int Compute() => 1; }\n";
        GeneratorRun first = GeneratorRun.For(Source(EventCount), helper);
        SyntaxTree helperTree = first.Input.SyntaxTrees.Single(t => t.FilePath == "Input1.cs");

        GeneratorRun second = first.Rerun(first.Input.ReplaceSyntaxTree(
            helperTree,
            TestCompilation.Parse(helper.Replace("=> 1;", "=> 2;", System.StringComparison.Ordinal), "Input1.cs")));

        StepAssert.AllCached(second);
        // Cached, not Unchanged: nothing after the semantic parse executed again, rendering the docs included.
        StepAssert.OnlyParseReran(second);
        Assert.Equal(first.BusSources.Single().SourceText.ToString(), second.BusSources.Single().SourceText.ToString());
    }

    [Fact]
    public void An_unrelated_edit_beside_a_thousand_event_bus_allocates_little_beyond_rebinding_the_events()
    {
        CSharpCompilation compilation = TestCompilation.Create(Source(EventCount), "namespace Acme.Other;\npublic static class Helper { }\n");
        long floor = EditAllocation(new BindingOnlyGenerator(), compilation);
        long ours = EditAllocation(new BusGenerator(), compilation);

        output.WriteLine($"An unrelated edit allocates {ours / 1000} kB; binding the events alone, {floor / 1000} kB.");
        // Roslyn re-runs every event's semantic parse on each compilation change; that is the floor. The bus alone is
        // about 1.3x it; the JSON codec must list each event's members, and Roslyn builds a record's member symbols
        // (its synthesized ones included) only when asked, which brings the whole to about 3.9x. Work redone on top of
        // that, as re-rendering every unchanged doc (7.5x the floor on its own) was, still shows up here.
        Assert.True(ours < 5 * floor, $"An unrelated edit allocated {ours} B, over 5x the {floor} B of binding the events alone.");
    }

    // What a warm driver allocates on this thread (the driver runs generators on the caller's) for a one-file edit.
    private static long EditAllocation(IIncrementalGenerator generator, CSharpCompilation compilation)
    {
        SyntaxTree helper = compilation.SyntaxTrees.Single(t => t.FilePath == "Input1.cs");
        GeneratorDriver driver = CSharpGeneratorDriver.Create([generator.AsSourceGenerator()], parseOptions: TestCompilation.ParseOptions)
            .RunGenerators(compilation);
        // The first edit also fills lazy caches of the driver and of the unchanged tree; the second is the steady state.
        driver = driver.RunGenerators(Edit(compilation, helper, 1));
        Compilation edited = Edit(compilation, helper, 2);
        long before = System.GC.GetAllocatedBytesForCurrentThread();
        driver.RunGenerators(edited);
        return System.GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private static Compilation Edit(CSharpCompilation compilation, SyntaxTree helper, int version)
        => compilation.ReplaceSyntaxTree(helper, TestCompilation.Parse(
            $"namespace Acme.Other;\npublic static class Helper {{ public static int Compute() => {version}; }}\n", "Input1.cs"));

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
