using GeneratedBus.Generators.Tests.Infrastructure;
using GeneratedBus.Generators.Tests.Inputs;

namespace GeneratedBus.Generators.Tests.Behaviour;

/// <summary>
/// The generated <c>KindsHandledBy</c>: each listener class of the compilation gets the kinds of the handlers it and its
/// source bases override; OnOtherEvent, firehose and unnameable listeners get none (every event), and so does any
/// type the generator did not see.
/// </summary>
public class ListenerKindsBehaviourTests
{
    [Fact]
    public void Listener_classes_get_the_kinds_they_override_and_the_rest_every_kind()
    {
        GeneratorRun run = GeneratorRun.For(SnapshotInputs.ListenerInterests + """

            public sealed class Unseen : IOrderListener
            {
                public void OnOrderPlaced(OrderPlaced e) { }
                public void OnOrderPaid(OrderPaid e) { }
                public void OnOrderPacked(OrderPacked e) { }
                public void OnOrderShipped(OrderShipped e) { }
                public void OnOrderCancelled(OrderCancelled e) { }
                public void OnOtherEvent(OrderEvent e) { }
            }

            public static class Probe
            {
                public static string Run()
                {
                    System.Type[] types = { typeof(Notifier), typeof(PackingNotifier), typeof(Auditor), typeof(Hose), typeof(Unseen) };
                    return string.Join("|", System.Array.ConvertAll(types, t => OrderDispatcher.KindsHandledBy(t)?.ToString() ?? "null"));
                }
            }
            """);

        Assert.Empty(run.GeneratorDiagnostics);
        // OrderPacked is kind 3, OrderShipped 4, OrderCancelled 5.
        Assert.Equal("kinds 4, 5|kinds 3, 4, 5|null|null|null", CompiledAssembly.Invoke(run, "Acme.Orders.Probe", "Run"));
    }
}
