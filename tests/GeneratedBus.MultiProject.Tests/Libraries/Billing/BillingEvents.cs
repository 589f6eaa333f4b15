using GeneratedBus;

namespace Billing;

/// <summary>Billing's own root: this library generates BillingBus.</summary>
public abstract record BillingEvent;

/// <summary>An invoice was sent.</summary>
/// <param name="InvoiceId">The invoice.</param>
[BusEvent]
public sealed record InvoiceSent(int InvoiceId) : BillingEvent;
