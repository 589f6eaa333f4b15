using GeneratedBus.Generators.Tests.Infrastructure;
using GeneratedBus.Generators.Tests.MultiProject;
using Microsoft.CodeAnalysis;

namespace GeneratedBus.Generators.Tests.Diagnostics;

/// <summary>The diagnostics of solutions of several projects: libraries compiled in memory and referenced.</summary>
public partial class DiagnosticTests
{
    // The app's request for the bus of Core's OrderEvent, marked where its diagnostics point.
    private const string OrderBusRequest = """
        using GeneratedBus;
        [assembly: [|GenerateBus(typeof(Shop.Orders.OrderEvent))|]]
        """;

    // Shop.Core, declaring the root OrderEvent and no events: built once, as every test here references it unchanged.
    private static readonly System.Lazy<MetadataReference> CoreLibrary = new(() => ReferencedLibrary.Build("Shop.Core", [MultiProjectTests.Core]));

    // Asserts that the app, requesting OrderBus over libraries, reports only id, at its request, naming typeName.
    private static GeneratorRun ReportsAtRequest(string id, string typeName, DiagnosticSeverity severity, params MetadataReference[] libraries)
    {
        MarkedSource input = MarkedSource.Parse(OrderBusRequest);
        return DiagnosticAssert.ReportsOnly(input, ReferencedLibrary.App([input.Source], libraries), id, typeName, severity);
    }

    // Shop.Payments with one event of Core's root, PaymentTaken.
    private static MetadataReference PaymentsLibrary(MetadataReference core) => ReferencedLibrary.Build("Shop.Payments", ["""
        using GeneratedBus;
        namespace Shop.Payments;
        [BusEvent] public sealed record PaymentTaken(int OrderId) : Shop.Orders.OrderEvent;
        """], core);

    [Fact]
    public void GB0021_library_with_events_of_a_root_from_another_assembly_generates_no_bus()
    {
        MetadataReference core = CoreLibrary.Value;
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
    public void GB0021_advises_the_assembly_that_holds_the_bus_already_when_the_roots_own_assembly_generated_it()
    {
        MetadataReference core = ReferencedLibrary.Build("Shop.Core", [MultiProjectTests.Core + "\n[BusEvent] public sealed record OrderPlaced(int OrderId) : OrderEvent;"]);
        MarkedSource input = MarkedSource.Parse("""
            using GeneratedBus;
            namespace Shop.Payments;
            [BusEvent] public sealed record [|PaymentTaken|](int OrderId) : Shop.Orders.OrderEvent;
            """);

        GeneratorRun run = DiagnosticAssert.ReportsOnly(
            input, ReferencedLibrary.App([input.Source], core), "GB0021", "Shop.Orders.OrderEvent", DiagnosticSeverity.Info);

        // Not "add GenerateBus": that would be GB0023. Core's bus, compiled there, cannot hold this project's events.
        string message = run.GeneratorDiagnostics[0].GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("'Shop.Core' already holds its bus 'Shop.Orders.OrderBus', which cannot include events declared here: declare these events in 'Shop.Core'", message, System.StringComparison.Ordinal);
        Assert.DoesNotContain("usually the app", message, System.StringComparison.Ordinal);
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
        MetadataReference payments = PaymentsLibrary(core);

        GeneratorRun run = ReportsAtRequest("GB0023", "Shop.Orders.OrderEvent", DiagnosticSeverity.Error, core, payments);

        Assert.Empty(run.Result.GeneratedSources);
        Assert.Contains("'Shop.Core'", run.GeneratorDiagnostics[0].GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
    }

    [Fact]
    public void GB0023_GenerateBus_for_a_root_whose_bus_a_library_generated_with_its_own_GenerateBus()
    {
        MetadataReference core = CoreLibrary.Value;
        MetadataReference payments = ReferencedLibrary.Build("Shop.Payments", ["""
            using GeneratedBus;
            [assembly: GenerateBus(typeof(Shop.Orders.OrderEvent))]
            namespace Shop.Payments;
            [BusEvent] public sealed record PaymentTaken(int OrderId) : Shop.Orders.OrderEvent;
            """], core);

        GeneratorRun run = ReportsAtRequest("GB0023", "Shop.Orders.OrderEvent", DiagnosticSeverity.Error, core, payments);

        string message = run.GeneratorDiagnostics[0].GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("'Shop.Payments'", message, System.StringComparison.Ordinal);
        Assert.Contains("'Shop.Orders.OrderBus'", message, System.StringComparison.Ordinal);
    }

    // GB0023 is only for the bus GeneratedBus generated for this very root: every other type of a generated name is GB0007.
    [Theory]
    [InlineData("a hand-written type in the root's assembly", "public sealed class OrderBus { }", "")]
    [InlineData("the bus GeneratedBus generated for another root of the same bus name", "", """
        namespace Shop.Orders;
        public abstract record OrderEvents;
        [GeneratedBus.BusEvent] public sealed record LegacyOrder(int OrderId) : OrderEvents;
        """)]
    [InlineData("a hand-written type of this project", "", "")]
    public void GB0023_is_not_reported_for_a_type_of_a_generated_name_that_is_not_this_roots_generated_bus(string why, string inCore, string inLegacy)
    {
        MetadataReference core = ReferencedLibrary.Build("Shop.Core", [MultiProjectTests.Core + "\n" + inCore]);
        MetadataReference payments = PaymentsLibrary(core);
        MetadataReference[] references = inLegacy.Length == 0 ? [core, payments] : [core, payments, ReferencedLibrary.Build("Shop.Legacy", [inLegacy])];
        string own = why == "a hand-written type of this project" ? "namespace Shop.Orders { public sealed class OrderBus { } }" : string.Empty;
        MarkedSource input = MarkedSource.Parse($$"""
            using GeneratedBus;
            [assembly: [|GenerateBus(typeof(Shop.Orders.OrderEvent))|]]
            {{own}}
            """);

        GeneratorRun run = DiagnosticAssert.ReportsOnly(input, ReferencedLibrary.App([input.Source], references), "GB0007", "Shop.Orders.OrderEvent");

        // The other root's bus takes every generated name, the listener interface first; a hand-written OrderBus only that.
        string clashing = inLegacy.Length == 0 ? "'OrderBus'" : "'IOrderListener'";
        Assert.Contains(clashing, run.GeneratorDiagnostics[0].GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
    }

    [Fact]
    public void GB0018_member_of_a_referenced_event_the_codec_cannot_write_is_reported_at_the_request()
    {
        MetadataReference core = CoreLibrary.Value;
        // The library reports it too, at the member, but generates no codec: the app's codec is the one that leaves it out.
        MetadataReference payments = ReferencedLibrary.BuildWarning("Shop.Payments", ["""
            using GeneratedBus;
            namespace Shop.Payments;
            [BusEvent] public sealed record PaymentTaken(int OrderId, object Receipt) : Shop.Orders.OrderEvent;
            """], ["GB0018"], core);

        GeneratorRun run = ReportsAtRequest("GB0018", "Shop.Payments.PaymentTaken", DiagnosticSeverity.Warning, core, payments);

        string message = run.GeneratorDiagnostics[0].GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("'Receipt'", message, System.StringComparison.Ordinal);
        Assert.Contains("[JsonIgnore]", message, System.StringComparison.Ordinal);
        // The bus and its codec are still generated; the codec leaves the member out.
        string codec = Assert.Single(run.Result.GeneratedSources, s => s.HintName.EndsWith(".JsonCodec.g.cs", System.StringComparison.Ordinal)).SourceText.ToString();
        Assert.Contains("\"PaymentTaken\"", codec, System.StringComparison.Ordinal);
        Assert.DoesNotContain("Receipt", codec, System.StringComparison.Ordinal);
    }

    [Fact]
    public void GB0019_referenced_event_whose_only_constructor_is_internal_to_its_library_is_reported_at_the_request()
    {
        MetadataReference core = CoreLibrary.Value;
        // Its library can call the constructor, so it reports nothing; the app, where the codec is generated, cannot.
        MetadataReference payments = ReferencedLibrary.Build("Shop.Payments", ["""
            using GeneratedBus;
            namespace Shop.Payments;
            [BusEvent] public sealed record PaymentTaken : Shop.Orders.OrderEvent
            {
                internal PaymentTaken(int orderId) => OrderId = orderId;
                public int OrderId { get; }
            }
            """], core);

        ReportsAtRequest("GB0019", "Shop.Payments.PaymentTaken", DiagnosticSeverity.Warning, core, payments);
    }

    [Fact]
    public void GB0020_name_taken_between_events_of_two_referenced_libraries_is_reported_at_the_request()
    {
        MetadataReference core = CoreLibrary.Value;
        MetadataReference payments = ReferencedLibrary.Build("Shop.Payments", ["""
            using GeneratedBus;
            namespace Shop.Payments;
            [BusEvent("Taken")] public sealed record PaymentTaken(int OrderId) : Shop.Orders.OrderEvent;
            """], core);
        MetadataReference shipping = ReferencedLibrary.Build("Shop.Shipping", ["""
            using GeneratedBus;
            namespace Shop.Shipping;
            [BusEvent(Aliases = new[] { "Taken" })] public sealed record OrderShipped(int OrderId) : Shop.Orders.OrderEvent;
            """], core);

        GeneratorRun run = ReportsAtRequest("GB0020", "Shop.Shipping.OrderShipped", DiagnosticSeverity.Warning, core, payments, shipping);

        Assert.Contains("'Shop.Payments.PaymentTaken'", run.GeneratorDiagnostics[0].GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
    }

    [Fact]
    public void GB0005_handler_name_taken_by_events_of_two_referenced_libraries_is_reported_at_the_request()
    {
        MetadataReference core = CoreLibrary.Value;
        MetadataReference payments = ReferencedLibrary.Build("Shop.Payments", ["""
            namespace Shop.Payments;
            [GeneratedBus.BusEvent] public sealed record Created(int OrderId) : Shop.Orders.OrderEvent;
            """], core);
        MetadataReference shipping = ReferencedLibrary.Build("Shop.Shipping", ["""
            namespace Shop.Shipping;
            [GeneratedBus.BusEvent] public sealed record Created(int OrderId) : Shop.Orders.OrderEvent;
            """], core);

        ReportsAtRequest("GB0005", "Shop.Shipping.Created", DiagnosticSeverity.Error, core, payments, shipping);
    }
}
