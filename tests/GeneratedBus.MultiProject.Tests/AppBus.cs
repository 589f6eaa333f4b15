using GeneratedBus;

// The app references every library with events of OrderEvent, so the one OrderBus over them is generated here.
[assembly: GenerateBus(typeof(Shop.Orders.OrderEvent))]
