using GeneratedBus;

// The app references every library with events of OrderEvent, so the one OrderBus over them is generated here.
// GB0018 on purpose: PaymentNoted.Detail (Shop.Payments) cannot be written, and the app reports it here, where the codec
// is generated; MultiProjectTests finds it, suppressed, in the build's error log.
#pragma warning disable GB0018
[assembly: GenerateBus(typeof(Shop.Orders.OrderEvent))]
#pragma warning restore GB0018
