using System.Linq;
using GeneratedBus.Generators.Tests.Infrastructure;

namespace GeneratedBus.Generators.Tests.Behaviour;

/// <summary>
/// Events declared as classes, as an existing domain model has them: a sealed class has its own kind and Post, a
/// subclass of a non-sealed one reaches its handler, on a small bus (type switch) and a larger one (kind map).
/// </summary>
public class ClassEventBehaviourTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(27)]
    public void Class_events_reach_their_handlers_and_subclasses_their_nearest_event(int padding)
    {
        string pads = string.Concat(Enumerable.Range(0, padding).Select(i => $"[BusEvent] public sealed class Pad{i} : OrderEvent {{ }}\n"));
        GeneratorRun run = GeneratorRun.For($$"""
            using System.Collections.Generic;
            using GeneratedBus;

            namespace Acme.Orders;

            public abstract class OrderEvent { }
            [BusEvent] public sealed class OrderPlaced : OrderEvent { }
            [BusEvent] public class OrderChanged : OrderEvent { }
            [BusEvent] public sealed class OrderCancelled : OrderChanged { }
            public sealed class OrderAddressChanged : OrderChanged { }
            public sealed class Unmarked : OrderEvent { }
            {{pads}}
            public sealed class Recorder : OrderListener
            {
                public List<string> Calls { get; } = new();
                public override void OnOrderPlaced(OrderPlaced e) => Calls.Add("Placed");
                public override void OnOrderChanged(OrderChanged e) => Calls.Add("Changed");
                public override void OnOrderCancelled(OrderCancelled e) => Calls.Add("Cancelled");
                public override void OnOtherEvent(OrderEvent e) => Calls.Add("Other");
            }

            public static class Probe
            {
                public static string Run()
                {
                    var recorder = new Recorder();
                    OrderEvent[] events = { new OrderPlaced(), new OrderChanged(), new OrderCancelled(), new OrderAddressChanged(), new Unmarked() };
                    foreach (OrderEvent e in events)
                    {
                        OrderDispatcher.Dispatch(recorder, e);
                    }

                    using var bus = new OrderBus();
                    bus.Post(new OrderPlaced());
                    return string.Join(",", recorder.Calls);
                }
            }
            """);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Equal("Placed,Changed,Cancelled,Changed,Other", CompiledAssembly.Invoke(run, "Acme.Orders.Probe", "Run"));
    }
}
