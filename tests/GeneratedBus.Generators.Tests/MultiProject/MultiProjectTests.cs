using System.Linq;
using GeneratedBus.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace GeneratedBus.Generators.Tests.MultiProject;

/// <summary>
/// Solutions of several projects, each library compiled in memory (generator included) and referenced by the next:
/// events in a library with listeners in the app, two libraries with buses of their own, and one bus over the events
/// of one root declared in several libraries.
/// </summary>
public class MultiProjectTests
{
    internal const string Core = """
        using GeneratedBus;
        namespace Shop.Orders;
        /// <summary>Every order event.</summary>
        public abstract record OrderEvent;
        """;

    private const string Payments = """
        using GeneratedBus;
        namespace Shop.Payments;
        /// <summary>A payment was taken.</summary>
        [BusEvent] public sealed record PaymentTaken(int OrderId, decimal Amount) : Shop.Orders.OrderEvent;
        /// <summary>A payment was refunded.</summary>
        [BusEvent] public sealed record PaymentRefunded(int OrderId) : Shop.Orders.OrderEvent;
        """;

    private const string Shipping = """
        using GeneratedBus;
        namespace Shop.Shipping;
        /// <summary>An order was shipped.</summary>
        [BusEvent] public sealed record OrderShipped(int OrderId, string Carrier) : Shop.Orders.OrderEvent;
        """;

    private const string App = """
        using GeneratedBus;
        [assembly: GenerateBus(typeof(Shop.Orders.OrderEvent))]
        namespace Shop.App;
        public sealed class Audit : Shop.Orders.OrderListener
        {
            public int Seen { get; private set; }
            public override void OnPaymentTaken(Shop.Payments.PaymentTaken e) => Seen++;
            public override void OnOrderShipped(Shop.Shipping.OrderShipped e) => Seen++;
        }
        """;

    [Fact]
    public void App_bus_over_two_libraries()
    {
        MetadataReference core = ReferencedLibrary.Build("Shop.Core", [Core]);
        MetadataReference payments = ReferencedLibrary.Build("Shop.Payments", [Payments], core);
        MetadataReference shipping = ReferencedLibrary.Build("Shop.Shipping", [Shipping], core);

        GeneratorRun run = GeneratorRun.For(ReferencedLibrary.App([App], core, payments, shipping));

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Snapshot.Verify(run);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void An_app_compilation_without_an_assembly_name_still_gets_the_bus(string? name)
    {
        MetadataReference core = ReferencedLibrary.Build("Shop.Core", [Core]);
        MetadataReference payments = ReferencedLibrary.Build("Shop.Payments", [Payments], core);
        MetadataReference shipping = ReferencedLibrary.Build("Shop.Shipping", [Shipping], core);

        GeneratorRun run = GeneratorRun.For(ReferencedLibrary.App([App], core, payments, shipping).WithAssemblyName(name));

        Assert.Null(run.Result.Exception);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Contains(run.Result.GeneratedSources, s => s.SourceText.ToString().Contains("OnOrderShipped", System.StringComparison.Ordinal));
    }

    [Fact]
    public void Libraries_with_events_of_a_foreign_root_emit_no_types_so_the_app_sees_no_clash()
    {
        MetadataReference core = ReferencedLibrary.Build("Shop.Core", [Core]);
        MetadataReference payments = ReferencedLibrary.Build("Shop.Payments", [Payments], core);
        MetadataReference shipping = ReferencedLibrary.Build("Shop.Shipping", [Shipping], core);

        // Without GenerateBus the app has no bus, and no CS0433 either: neither library generated one.
        Compilation app = ReferencedLibrary.App(["namespace Shop.App; public static class Nothing { }"], core, payments, shipping);
        GeneratorRun run = GeneratorRun.For(app);

        Assert.Empty(run.Result.GeneratedSources);
        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void Events_in_a_library_and_listeners_in_the_app_compile_without_generating_anything_in_the_app()
    {
        MetadataReference library = ReferencedLibrary.Build("Shop.Orders", [Core + "\n" + Payments.Replace("using GeneratedBus;", string.Empty, System.StringComparison.Ordinal).Replace("namespace Shop.Payments;", string.Empty, System.StringComparison.Ordinal)]);

        GeneratorRun run = GeneratorRun.For(ReferencedLibrary.App(
            ["""
            namespace Shop.App;
            public sealed class Audit : Shop.Orders.OrderListener
            {
                public override void OnPaymentTaken(Shop.Orders.PaymentTaken e) { }
            }
            public static class Wiring
            {
                public static Shop.Orders.OrderBus Create() => new(new GeneratedBus.BusOptions());
            }
            """],
            library));

        Assert.Empty(run.Result.GeneratedSources);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void Two_libraries_with_buses_of_their_own_work_together_in_one_app()
    {
        MetadataReference billing = ReferencedLibrary.Build("Billing", ["""
            using GeneratedBus;
            namespace Billing;
            public abstract record BillingEvent;
            [BusEvent] public sealed record InvoiceSent(int Id) : BillingEvent;
            """]);
        MetadataReference stock = ReferencedLibrary.Build("Stock", ["""
            using GeneratedBus;
            namespace Stock;
            public abstract record StockEvent;
            [BusEvent] public sealed record ItemPicked(int Id) : StockEvent;
            """]);

        GeneratorRun run = GeneratorRun.For(ReferencedLibrary.App(
            ["""
            namespace App;
            public sealed class Both
            {
                public sealed class Invoices : Billing.BillingListener { public override void OnInvoiceSent(Billing.InvoiceSent e) { } }
                public sealed class Picks : Stock.StockListener { public override void OnItemPicked(Stock.ItemPicked e) { } }
            }
            """],
            billing,
            stock));

        Assert.Empty(run.Result.GeneratedSources);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }
}
