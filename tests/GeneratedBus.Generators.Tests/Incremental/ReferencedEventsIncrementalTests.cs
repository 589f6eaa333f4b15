using GeneratedBus.Generators.Tests.Infrastructure;
using GeneratedBus.Generators.Tests.MultiProject;
using Microsoft.CodeAnalysis;

namespace GeneratedBus.Generators.Tests.Incremental;

/// <summary>The GenerateBus scan of referenced assemblies re-runs on each edit, but to an equal value: nothing after it re-runs.</summary>
public class ReferencedEventsIncrementalTests
{
    [Fact]
    public void With_GenerateBus_over_referenced_events_an_unrelated_edit_leaves_the_bus_cached()
    {
        MetadataReference core = ReferencedLibrary.Build("Shop.Core", [MultiProjectTests.Core]);
        MetadataReference payments = ReferencedLibrary.Build("Shop.Payments", ["""
            using GeneratedBus;
            namespace Shop.Payments;
            [BusEvent] public sealed record PaymentTaken(int OrderId) : Shop.Orders.OrderEvent;
            """], core);
        GeneratorRun first = GeneratorRun.For(ReferencedLibrary.App(
            ["""
            [assembly: GeneratedBus.GenerateBus(typeof(Shop.Orders.OrderEvent))]
            namespace Shop.App;
            [GeneratedBus.BusEvent] public sealed record OrderNoted(int OrderId) : Shop.Orders.OrderEvent;
            """],
            core,
            payments));
        Assert.NotEmpty(first.Result.GeneratedSources);

        GeneratorRun second = first.Rerun(first.Input.AddSyntaxTrees(
            TestCompilation.Parse("namespace Other; public sealed class Unrelated { }", "Input9.cs")));

        Assert.Equal([IncrementalStepRunReason.Unchanged], StepAssert.Reasons(second, TrackingNames.ReferencedEvents));
        StepAssert.AllCached(second);
        StepAssert.OnlyParseReran(second);
        StepAssert.HoldNoRoslynObjects(second);
    }
}
