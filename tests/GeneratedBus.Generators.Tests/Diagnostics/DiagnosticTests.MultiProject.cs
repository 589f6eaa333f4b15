using GeneratedBus.Generators.Tests.Infrastructure;
using GeneratedBus.Generators.Tests.MultiProject;
using Microsoft.CodeAnalysis;

namespace GeneratedBus.Generators.Tests.Diagnostics;

/// <summary>The diagnostics of solutions of several projects: libraries compiled in memory and referenced.</summary>
public partial class DiagnosticTests
{
    [Fact]
    public void GB0021_library_with_events_of_a_root_from_another_assembly_generates_no_bus()
    {
        MetadataReference core = ReferencedLibrary.Build("Shop.Core", [MultiProjectTests.Core]);
        MarkedSource input = MarkedSource.Parse("""
            using GeneratedBus;
            namespace Shop.Payments;
            [BusEvent] public sealed record [|PaymentTaken|](int OrderId) : Shop.Orders.OrderEvent;
            """);

        GeneratorRun run = DiagnosticAssert.ReportsOnly(
            input, ReferencedLibrary.App([input.Source], core), "GB0021", "Shop.Orders.OrderEvent", DiagnosticSeverity.Info);

        Assert.Empty(run.Result.GeneratedSources);
        Assert.Contains("[assembly: GenerateBus(typeof(Shop.Orders.OrderEvent))]", run.GeneratorDiagnostics[0].GetMessage(), System.StringComparison.Ordinal);
    }

    [Fact]
    public void GB0022_GenerateBus_naming_a_type_that_is_the_root_of_no_event()
    {
        MarkedSource input = MarkedSource.Parse("""
            using GeneratedBus;
            [assembly: [|GenerateBus(typeof(Shop.Lonely))|]]
            namespace Shop;
            public abstract record Lonely;
            """);

        GeneratorRun run = DiagnosticAssert.ReportsOnly(input, TestCompilation.Create(input.Source), "GB0022", "Shop.Lonely");

        Assert.Empty(run.Result.GeneratedSources);
    }

    [Fact]
    public void GB0023_GenerateBus_for_a_root_whose_own_assembly_already_generated_its_bus()
    {
        MetadataReference core = ReferencedLibrary.Build("Shop.Core", [MultiProjectTests.Core + "\n[BusEvent] public sealed record OrderPlaced(int OrderId) : OrderEvent;"]);
        MetadataReference payments = ReferencedLibrary.Build("Shop.Payments", ["""
            using GeneratedBus;
            namespace Shop.Payments;
            [BusEvent] public sealed record PaymentTaken(int OrderId) : Shop.Orders.OrderEvent;
            """], core);
        MarkedSource input = MarkedSource.Parse("""
            using GeneratedBus;
            [assembly: [|GenerateBus(typeof(Shop.Orders.OrderEvent))|]]
            namespace Shop.App;
            public static class Nothing { }
            """);

        GeneratorRun run = DiagnosticAssert.ReportsOnly(input, ReferencedLibrary.App([input.Source], core, payments), "GB0023", "Shop.Orders.OrderEvent");

        Assert.Empty(run.Result.GeneratedSources);
    }
}
