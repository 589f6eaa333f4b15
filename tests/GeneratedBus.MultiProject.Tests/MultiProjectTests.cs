using System.Collections.Generic;
using System.Linq;
using Billing;
using Shop.Orders;
using Shop.Payments;
using Shop.Shipping;
using Stock;

namespace GeneratedBus.MultiProject.Tests;

/// <summary>
/// A real solution built by <c>dotnet build</c>: this test project is the app; Shop.Core declares the root, Shop.Payments
/// and Shop.Shipping its events, and Billing and Stock each a bus of their own.
/// </summary>
public sealed class MultiProjectTests
{
    [Fact]
    public void The_app_gets_one_bus_over_the_events_of_both_libraries_and_one_listener_receives_them()
    {
        var bus = new OrderListenerBus();
        var audit = new OrderAudit();
        bus.AddListener(audit);

        bus.PostToAll(new PaymentTaken(1, 9.5m));
        bus.PostToAll(new OrderShipped(1, "Post"));

        Assert.Equal(["paid 1 9.5", "shipped 1 Post"], audit.Lines);
        Assert.Equal(typeof(OrderAudit).Assembly, typeof(OrderBus).Assembly);
    }

    [Fact]
    public void Libraries_with_events_of_a_foreign_root_generate_no_bus_types()
    {
        Assert.DoesNotContain(typeof(PaymentTaken).Assembly.GetTypes(), t => t.Namespace == "Shop.Orders");
        Assert.DoesNotContain(typeof(OrderShipped).Assembly.GetTypes(), t => t.Namespace == "Shop.Orders");
        Assert.DoesNotContain(typeof(OrderEvent).Assembly.GetTypes(), t => t.Name.StartsWith("Order", System.StringComparison.Ordinal) && t != typeof(OrderEvent));
    }

    [Fact]
    public void Two_libraries_with_buses_of_their_own_deliver_to_listeners_declared_in_the_app()
    {
        var billing = new BillingListenerBus();
        var stock = new StockListenerBus();
        var invoices = new InvoiceCounter();
        var picks = new PickCounter();
        billing.AddListener(invoices);
        stock.AddListener(picks);

        billing.PostToAll(new InvoiceSent(7));
        stock.PostToAll(new ItemPicked("sku-1"));
        stock.PostToAll(new ItemPicked("sku-2"));

        Assert.Equal(1, invoices.Count);
        Assert.Equal(2, picks.Count);
        // Each bus is generated in its library, none in the app.
        Assert.Equal(typeof(InvoiceSent).Assembly, typeof(BillingBus).Assembly);
        Assert.Equal(typeof(ItemPicked).Assembly, typeof(StockBus).Assembly);
    }

    [Fact]
    public void The_app_bus_codec_writes_and_reads_events_of_both_libraries()
    {
        foreach (OrderEvent e in new OrderEvent[] { new PaymentTaken(3, 1.25m), new OrderShipped(3, "Rail") })
        {
            var buffer = new System.Buffers.ArrayBufferWriter<byte>();
            using (var writer = new System.Text.Json.Utf8JsonWriter(buffer))
            {
                OrderJsonCodec.Instance.Write(writer, e);
            }

            GeneratedBus.EventLog.EventReadResult<OrderEvent> read = OrderJsonCodec.Instance.Read(buffer.WrittenSpan);

            Assert.True(read.IsOk, System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan));
            Assert.Equal(e, read.Event);
        }
    }

    [Fact]
    public void The_app_reports_the_member_of_a_library_event_its_codec_leaves_out_at_its_GenerateBus()
    {
        string log = typeof(MultiProjectTests).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>()
            .Single(a => a.Key == "ErrorLog").Value!;
        using var sarif = System.Text.Json.JsonDocument.Parse(System.IO.File.ReadAllText(log));

        // The app's own build (this project), suppressed by the pragma around [assembly: GenerateBus] in AppBus.cs.
        System.Text.Json.JsonElement gb0018 = Assert.Single(
            sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray(),
            r => r.GetProperty("ruleId").GetString() == "GB0018");
        string message = gb0018.GetProperty("message").GetProperty("text").GetString()!;
        Assert.Contains("'Detail' of 'Shop.Payments.PaymentNoted'", message, System.StringComparison.Ordinal);
        Assert.Contains("[JsonIgnore]", message, System.StringComparison.Ordinal);
        string file = gb0018.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()!;
        Assert.EndsWith("/AppBus.cs", file, System.StringComparison.Ordinal);
        Assert.Equal("inSource", gb0018.GetProperty("suppressions")[0].GetProperty("kind").GetString());
    }

    [Fact]
    public void The_app_bus_codec_leaves_out_the_member_it_reported()
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            OrderJsonCodec.Instance.Write(writer, new PaymentNoted(4, new object()));
        }

        GeneratedBus.EventLog.EventReadResult<OrderEvent> read = OrderJsonCodec.Instance.Read(buffer.WrittenSpan);

        Assert.DoesNotContain("Detail", System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan), System.StringComparison.Ordinal);
        Assert.True(read.IsOk);
        Assert.Equal(new PaymentNoted(4, null), read.Event);
    }

    private sealed class OrderAudit : OrderListener
    {
        public List<string> Lines { get; } = [];

        public override void OnPaymentTaken(PaymentTaken e) => Lines.Add($"paid {e.OrderId} {e.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture)}");

        public override void OnOrderShipped(OrderShipped e) => Lines.Add($"shipped {e.OrderId} {e.Carrier}");
    }

    private sealed class InvoiceCounter : BillingListener
    {
        public int Count { get; private set; }

        public override void OnInvoiceSent(InvoiceSent e) => Count++;
    }

    private sealed class PickCounter : StockListener
    {
        public int Count { get; private set; }

        public override void OnItemPicked(ItemPicked e) => Count++;
    }
}
